import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import type { ProcedureSeed } from '../seed/seed.types';
import type { ProcedureSearchCriteria } from './procedure-search';
import { ProcedureRow, ProcedureSummaryRow } from './procedures.dto';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

interface Statement {
  text: string;
  params: unknown[];
}

const SUMMARY_COLUMNS = `p.code, p.name, p.level,
  f.code AS field_code, f.name AS field_name,
  a.code AS agency_code, a.name AS agency_name, a.level AS agency_level, a.parent_code AS agency_parent_code`;
const SUMMARY_JOINS = `JOIN fields f ON f.code = p.field_code JOIN agencies a ON a.code = p.agency_code`;

/**
 * The full-text query of the search terms: each term folded like the index, quoted as
 * one tsquery lexeme (quotes and backslashes that folding may produce are escaped), all
 * of them required, the last one as a prefix so a half-typed word already matches.
 */
const TERMS_TSQUERY = (terms: string) => `to_tsquery('simple', array_to_string(ARRAY(
    SELECT '''' || replace(replace(vn_fold(t.term), '\\', '\\\\'), '''', '''''') || ''''
           || CASE WHEN t.n = cardinality(${terms}::text[]) THEN ':*' ELSE '' END
      FROM unnest(${terms}::text[]) WITH ORDINALITY AS t(term, n)), ' & '))`;

/**
 * SQL of a procedure search. Words match through the full-text index (every word, accents
 * ignored) or, for typos, through trigram word similarity of the folded name (pg_trgm
 * `%>`, threshold pg_trgm.word_similarity_threshold, 0.6 by default). Ranked by both;
 * with no words, every procedure by name. Exported for the unit tests: user input only
 * ever travels in `params`.
 */
export function procedureSearchStatements(c: ProcedureSearchCriteria): {
  count: Statement;
  page: Statement;
} {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  let from = 'procedures p';
  let order = 'p.name_folded, p.code';
  const where: string[] = [];
  if (c.terms.length > 0) {
    const terms = bind(c.terms);
    from += ` CROSS JOIN LATERAL (SELECT ${TERMS_TSQUERY(terms)} AS query,
                vn_fold(array_to_string(${terms}::text[], ' ')) AS phrase) q`;
    where.push('(p.search_vector @@ q.query OR p.name_folded %> q.phrase)');
    order = `ts_rank(p.search_vector, q.query) + word_similarity(q.phrase, p.name_folded) DESC, ${order}`;
  }
  if (c.field !== null) where.push(`p.field_code = ${bind(c.field)}`);
  if (c.agency !== null) where.push(`p.agency_code = ${bind(c.agency)}`);
  if (c.level !== null) where.push(`p.level = ${bind(c.level)}`);
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const count = {
    text: `SELECT count(*)::int AS total FROM ${from} ${filter}`,
    params: [...params],
  };
  const limit = bind(c.pageSize);
  const offset = bind((c.page - 1) * c.pageSize);
  const page = {
    text: `SELECT ${SUMMARY_COLUMNS} FROM ${from} ${SUMMARY_JOINS} ${filter}
            ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    params,
  };
  return { count, page };
}

@Injectable()
export class ProceduresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async search(
    criteria: ProcedureSearchCriteria,
  ): Promise<{ rows: ProcedureSummaryRow[]; total: number }> {
    const { count, page } = procedureSearchStatements(criteria);
    const [[{ total }], rows] = await Promise.all([
      this.dataSource.query(count.text, count.params) as Promise<{ total: number }[]>,
      this.dataSource.query(page.text, page.params) as Promise<ProcedureSummaryRow[]>,
    ]);
    return { rows, total };
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
