import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CatalogueErrors, DomainError } from '@dvc/contracts';
import type { FormSeed } from '../seed/seed.types';
import { FormTemplateFile, FormTemplateGenerator } from './form-template.generator';
import { FormTemplatesRepository, StoredFormTemplate } from './form-templates.repository';

/** Form template files (level 2): generated when a procedure is written, served for download. */
@Injectable()
export class FormTemplatesService {
  constructor(
    private readonly files: FormTemplatesRepository,
    private readonly generator: FormTemplateGenerator,
  ) {}

  async get(procedureCode: string, formId: string): Promise<StoredFormTemplate> {
    const file = await this.files.find(procedureCode, formId);
    if (!file) {
      throw new DomainError(CatalogueErrors.procedureFormNotFound, {
        params: { procedureCode, formId },
      });
    }
    return file;
  }

  /** Generates the files of a procedure's forms (outside any transaction: it is CPU work). */
  generate(forms: FormSeed[]): Promise<FormTemplateFile[]> {
    return Promise.all(forms.map((form) => this.generator.generate(form)));
  }

  /** Stores exactly these files for the procedure, in the transaction of the procedure's change. */
  replace(manager: EntityManager, procedureCode: string, files: FormTemplateFile[]): Promise<void> {
    return this.files.replace(manager, procedureCode, files);
  }
}
