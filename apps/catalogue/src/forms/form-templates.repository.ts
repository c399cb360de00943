import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import type { FormTemplateFile } from './form-template.generator';

export interface StoredFormTemplate {
  format: FormTemplateFile['format'];
  fileName: string;
  content: Buffer;
  sha256: string;
  size: number;
}

@Injectable()
export class FormTemplatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(procedureCode: string, formId: string): Promise<StoredFormTemplate | null> {
    const row = await kyselyOf<DB>(this.dataSource.manager)
      .selectFrom('form_template_files')
      .select(['format', 'file_name as fileName', 'content', 'sha256', 'size'])
      .where('procedure_code', '=', procedureCode)
      .where('form_id', '=', formId)
      .executeTakeFirst();
    return row ? { ...row, format: row.format as StoredFormTemplate['format'] } : null;
  }

  /** Makes the procedure's files exactly `files`, inside the caller's transaction. */
  async replace(
    manager: EntityManager,
    procedureCode: string,
    files: FormTemplateFile[],
  ): Promise<void> {
    const db = kyselyOf<DB>(manager);
    await db
      .deleteFrom('form_template_files')
      .where('procedure_code', '=', procedureCode)
      .where(sql<boolean>`NOT (form_id = ANY(${files.map((f) => f.formId)}))`)
      .execute();
    for (const f of files) {
      await db
        .insertInto('form_template_files')
        .values({
          procedure_code: procedureCode,
          form_id: f.formId,
          format: f.format,
          file_name: f.fileName,
          content: f.content,
          sha256: f.sha256,
          size: f.size,
        })
        .onConflict((oc) =>
          oc.columns(['procedure_code', 'form_id']).doUpdateSet((eb) => ({
            format: eb.ref('excluded.format'),
            file_name: eb.ref('excluded.file_name'),
            content: eb.ref('excluded.content'),
            sha256: eb.ref('excluded.sha256'),
            size: eb.ref('excluded.size'),
            created_at: sql<Date>`now()`,
          })),
        )
        .execute();
    }
  }
}
