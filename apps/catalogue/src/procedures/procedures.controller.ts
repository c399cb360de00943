import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CatalogueRpc,
  ImportResult,
  Page,
  ProcedureSummary,
  ProcedureView,
  RpcRequest,
  SearchProceduresQuery,
} from '@dvc/contracts';
import type { ProcedureSeed } from '../seed/seed.types';
import { GetProcedureInput, ImportProceduresInput } from './procedures.dto';
import { ProceduresService } from './procedures.service';

@Controller()
export class ProceduresController {
  constructor(private readonly procedures: ProceduresService) {}

  @MessagePattern(CatalogueRpc.searchProcedures)
  search(@Payload() req: RpcRequest<SearchProceduresQuery>): Promise<Page<ProcedureSummary>> {
    return this.procedures.search(req.data);
  }

  @MessagePattern(CatalogueRpc.getProcedure)
  get(@Payload() req: RpcRequest<GetProcedureInput>): Promise<ProcedureView> {
    return this.procedures.get(req.data?.code);
  }

  @MessagePattern(CatalogueRpc.upsertProcedure)
  upsert(@Payload() req: RpcRequest<ProcedureSeed>): Promise<ProcedureView> {
    return this.procedures.upsert(req.caller, req.data, req.correlationId);
  }

  @MessagePattern(CatalogueRpc.importProcedures)
  import(@Payload() req: RpcRequest<ImportProceduresInput>): Promise<ImportResult> {
    return this.procedures.import(req.caller, req.data, req.correlationId);
  }
}
