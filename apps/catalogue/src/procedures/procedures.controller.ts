import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CatalogueRpc,
  GetProcedureInput,
  ImportEachInput,
  ImportProceduresInput,
  ImportResult,
  Page,
  ProcedureDocument,
  ProcedureImportReport,
  ProcedureSummary,
  ProcedureView,
  RpcRequest,
  SearchProceduresQuery,
} from '@dvc/contracts';
import { RpcHandler } from '@dvc/messaging';
import { ProceduresService } from './procedures.service';

@Controller()
export class ProceduresController {
  constructor(private readonly procedures: ProceduresService) {}

  @RpcHandler(CatalogueRpc.searchProcedures)
  search(@Payload() req: RpcRequest<SearchProceduresQuery>): Promise<Page<ProcedureSummary>> {
    return this.procedures.search(req.data);
  }

  @RpcHandler(CatalogueRpc.getProcedure)
  get(@Payload() req: RpcRequest<GetProcedureInput>): Promise<ProcedureView> {
    return this.procedures.get(req.data?.code);
  }

  @RpcHandler(CatalogueRpc.upsertProcedure)
  upsert(@Payload() req: RpcRequest<ProcedureDocument>): Promise<ProcedureView> {
    return this.procedures.upsert(req.caller, req.data, req.correlationId);
  }

  @RpcHandler(CatalogueRpc.importProcedures)
  import(@Payload() req: RpcRequest<ImportProceduresInput>): Promise<ImportResult> {
    return this.procedures.import(req.caller, req.data, req.correlationId);
  }

  @RpcHandler(CatalogueRpc.importEach)
  importEach(@Payload() req: RpcRequest<ImportEachInput>): Promise<ProcedureImportReport> {
    return this.procedures.importEach(req.caller, req.data, req.correlationId);
  }
}
