import { Module } from '@nestjs/common';
import { AdminProceduresController } from './admin-procedures.controller';
import { CatalogueController } from './catalogue.controller';
import { FormTemplates } from './form-templates';

@Module({
  controllers: [CatalogueController, AdminProceduresController],
  providers: [FormTemplates],
})
export class CatalogueModule {}
