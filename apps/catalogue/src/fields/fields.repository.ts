import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FieldSeed } from '../seed/seed.types';
import { FieldRow } from './fields.dto';

@Injectable()
export class FieldsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<FieldRow[]> {
    return this.dataSource.query(`SELECT code, name FROM fields ORDER BY vn_fold(name), code`);
  }

  async existing(codes: string[]): Promise<Set<string>> {
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM fields WHERE code = ANY($1)`,
      [codes],
    );
    return new Set(rows.map((r) => r.code));
  }

  /** Returns the codes created or renamed (a rename re-indexes its procedures, see the migration). */
  async upsertAll(fields: FieldSeed[]): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      `INSERT INTO fields (code, name)
       SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
        WHERE fields.name IS DISTINCT FROM EXCLUDED.name
       RETURNING code`,
      [fields.map((f) => f.code), fields.map((f) => f.name)],
    );
    return rows.map((r) => r.code);
  }
}
