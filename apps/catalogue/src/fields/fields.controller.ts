import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { CatalogueRpc, FieldView } from '@dvc/contracts';
import { FieldsService } from './fields.service';

@Controller()
export class FieldsController {
  constructor(private readonly fields: FieldsService) {}

  @MessagePattern(CatalogueRpc.listFields)
  list(): Promise<FieldView[]> {
    return this.fields.list();
  }
}
