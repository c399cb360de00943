import { Controller } from '@nestjs/common';
import { CatalogueRpc, FieldView } from '@dvc/contracts';
import { RpcHandler } from '@dvc/messaging';
import { FieldsService } from './fields.service';

@Controller()
export class FieldsController {
  constructor(private readonly fields: FieldsService) {}

  @RpcHandler(CatalogueRpc.listFields)
  list(): Promise<FieldView[]> {
    return this.fields.list();
  }
}
