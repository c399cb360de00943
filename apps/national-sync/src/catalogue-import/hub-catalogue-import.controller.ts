import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  HubCatalogueImportInput,
  NationalSyncRpc,
  ProcedureImportReport,
  RpcRequest,
} from '@dvc/contracts';
import { RpcHandler, RpcInput } from '@dvc/messaging';
import { HubCatalogueImportService } from './hub-catalogue-import.service';

@Controller()
export class HubCatalogueImportController {
  constructor(private readonly imports: HubCatalogueImportService) {}

  @RpcHandler(NationalSyncRpc.importCatalogue)
  import(
    @Payload(new RpcInput(HubCatalogueImportInput)) req: RpcRequest<HubCatalogueImportInput>,
  ): Promise<ProcedureImportReport> {
    return this.imports.import(req.caller, req.data, req.correlationId);
  }
}
