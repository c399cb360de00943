import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
    const rows: StoredFormTemplate[] = await this.dataSource.query(
      `SELECT format, file_name AS "fileName", content, sha256, size FROM form_template_files
        WHERE procedure_code = $1 AND form_id = $2`,
      [procedureCode, formId],
    );
    return rows[0] ?? null;
  }

  /** Makes the procedure's files exactly `files`, inside the caller's transaction. */
  async replace(
    manager: EntityManager,
    procedureCode: string,
    files: FormTemplateFile[],
  ): Promise<void> {
    await manager.query(
      `DELETE FROM form_template_files WHERE procedure_code = $1 AND NOT (form_id = ANY($2))`,
      [procedureCode, files.map((f) => f.formId)],
    );
    for (const f of files) {
      await manager.query(
        `INSERT INTO form_template_files (procedure_code, form_id, format, file_name, content, sha256, size)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (procedure_code, form_id) DO UPDATE
            SET format = EXCLUDED.format, file_name = EXCLUDED.file_name, content = EXCLUDED.content,
                sha256 = EXCLUDED.sha256, size = EXCLUDED.size, created_at = now()`,
        [procedureCode, f.formId, f.format, f.fileName, f.content, f.sha256, f.size],
      );
    }
  }
}
