import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import type { ProcedureSeed } from '../seed/seed.types';
import type { ProcedureSearchCriteria } from './procedure-search';
import { searchProcedures } from './procedure-search.query';
import { ProcedureRow, ProcedureSummaryRow } from './procedures.dto';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

@Injectable()
export class ProceduresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A search, full text first, typo-tolerant only when that finds too little (procedure-search.query.ts). */
  search(
    criteria: ProcedureSearchCriteria,
  ): Promise<{ rows: ProcedureSummaryRow[]; total: number }> {
    return searchProcedures(async (query) => (await this.db.executeQuery(query)).rows, criteria);
  }

  async find(code: string): Promise<ProcedureRow | null> {
    const row = await this.db
      .selectFrom('procedures as p')
      .innerJoin('fields as f', 'f.code', 'p.field_code')
      .innerJoin('agencies as a', 'a.code', 'p.agency_code')
      .select([
        'p.code',
        'p.name',
        'p.level',
        'f.code as field_code',
        'f.name as field_name',
        'a.code as agency_code',
        'a.name as agency_name',
        'a.level as agency_level',
        'a.parent_code as agency_parent_code',
        'p.content',
        'p.updated_at',
      ])
      .where('p.code', '=', code)
      .executeTakeFirst();
    if (!row) return null;
    return {
      ...row,
      agency_level: row.agency_level as ProcedureRow['agency_level'],
      content: row.content as unknown as ProcedureSeed,
    };
  }

  /** Stored content hashes of the procedures among `codes` that exist. */
  async contentHashes(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('procedures')
      .select(['code', 'content_hash'])
      .where('code', 'in', codes)
      .execute();
    return new Map(rows.map((r) => [r.code, r.content_hash]));
  }

  /**
   * Inserts or replaces a procedure unless the stored one has the same content hash; the
   * outcome comes from the statement itself, so concurrent writers cannot miscount.
   */
  async upsert(
    manager: EntityManager,
    seed: ProcedureSeed,
    contentHash: string,
  ): Promise<UpsertOutcome> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('procedures')
      .values({
        code: seed.code,
        name: seed.name,
        field_code: seed.fieldCode,
        level: seed.level,
        agency_code: seed.agencyCode,
        content: JSON.stringify(seed),
        content_hash: contentHash,
      })
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            field_code: eb.ref('excluded.field_code'),
            level: eb.ref('excluded.level'),
            agency_code: eb.ref('excluded.agency_code'),
            content: eb.ref('excluded.content'),
            content_hash: eb.ref('excluded.content_hash'),
            updated_at: sql<Date>`now()`,
          }))
          .whereRef('procedures.content_hash', '<>', 'excluded.content_hash'),
      )
      .returning(sql<boolean>`(xmax = 0)`.as('created'))
      .executeTakeFirst();
    if (!row) return 'unchanged';
    return row.created ? 'created' : 'updated';
  }

  /** Codes of the procedures that show one of these fields or agencies (their cached views hold the names). */
  async codesShowing(fieldCodes: string[], agencyCodes: string[]): Promise<string[]> {
    const rows = await this.db
      .selectFrom('procedures')
      .select('code')
      .where((eb) =>
        eb.or([
          eb('field_code', '=', eb.fn.any(eb.val(fieldCodes))),
          eb('agency_code', '=', eb.fn.any(eb.val(agencyCodes))),
        ]),
      )
      .execute();
    return rows.map((r) => r.code);
  }

  private get db() {
    return kyselyOf<DB>(this.dataSource.manager);
  }
}
