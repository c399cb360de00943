import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import type { FieldSeed } from '../seed/seed.types';
import { FieldRow } from './fields.dto';

@Injectable()
export class FieldsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<FieldRow[]> {
    return this.db
      .selectFrom('fields')
      .select(['code', 'name'])
      .orderBy(sql`vn_fold(name)`)
      .orderBy('code')
      .execute();
  }

  async existing(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('fields')
      .select('code')
      .where('code', 'in', codes)
      .execute();
    return new Set(rows.map((r) => r.code));
  }

  /** Returns the codes created or renamed (a rename re-indexes its procedures, see the migration). */
  async upsertAll(fields: FieldSeed[]): Promise<string[]> {
    const rows = await this.db
      .insertInto('fields')
      .columns(['code', 'name'])
      .expression(
        sql`SELECT * FROM unnest(${fields.map((f) => f.code)}::text[], ${fields.map((f) => f.name)}::text[])`,
      )
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), updated_at: sql<Date>`now()` }))
          .where(sql<boolean>`fields.name IS DISTINCT FROM EXCLUDED.name`),
      )
      .returning('code')
      .execute();
    return rows.map((r) => r.code);
  }

  private get db() {
    return kyselyOf<DB>(this.dataSource.manager);
  }
}
