import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import type { AgencySeed } from '../seed/seed.types';
import { AgencyRow } from './agencies.dto';

@Injectable()
export class AgenciesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<AgencyRow[]> {
    const rows = await this.db
      .selectFrom('agencies')
      .select(['code', 'name', 'level', 'parent_code'])
      .orderBy('code')
      .execute();
    return rows as AgencyRow[];
  }

  /** The given codes that exist. */
  async existing(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('agencies')
      .select('code')
      .where('code', 'in', codes)
      .execute();
    return new Set(rows.map((r) => r.code));
  }

  /**
   * Inserts or updates in one statement (so a parent may come after its child in the
   * list); returns the codes whose row was created or changed.
   */
  async upsertAll(agencies: AgencySeed[]): Promise<string[]> {
    const rows = await this.db
      .insertInto('agencies')
      .columns(['code', 'name', 'level', 'parent_code'])
      .expression(
        sql`SELECT * FROM unnest(${agencies.map((a) => a.code)}::text[], ${agencies.map((a) => a.name)}::text[],
          ${agencies.map((a) => a.level)}::text[], ${agencies.map((a) => a.parentCode ?? null)}::text[])`,
      )
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            level: eb.ref('excluded.level'),
            parent_code: eb.ref('excluded.parent_code'),
            updated_at: sql<Date>`now()`,
          }))
          .where(
            sql<boolean>`(agencies.name, agencies.level, agencies.parent_code)
              IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code)`,
          ),
      )
      .returning('code')
      .execute();
    return rows.map((r) => r.code);
  }

  private get db() {
    return kyselyOf<DB>(this.dataSource.manager);
  }
}
