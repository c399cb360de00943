import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
    const rows: ProcedureRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, p.content, p.updated_at FROM procedures p ${SUMMARY_JOINS} WHERE p.code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  /** Stored content hashes of the procedures among `codes` that exist. */
  async contentHashes(codes: string[]): Promise<Map<string, string>> {
    const rows: { code: string; content_hash: string }[] = await this.dataSource.query(
      `SELECT code, content_hash FROM procedures WHERE code = ANY($1)`,
      [codes],
    );
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
    const rows: { created: boolean }[] = await manager.query(
      `INSERT INTO procedures (code, name, field_code, level, agency_code, content, content_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE
          SET name = EXCLUDED.name, field_code = EXCLUDED.field_code, level = EXCLUDED.level,
              agency_code = EXCLUDED.agency_code, content = EXCLUDED.content,
              content_hash = EXCLUDED.content_hash, updated_at = now()
        WHERE procedures.content_hash <> EXCLUDED.content_hash
       RETURNING (xmax = 0) AS created`,
      [seed.code, seed.name, seed.fieldCode, seed.level, seed.agencyCode, seed, contentHash],
    );
    if (rows.length === 0) return 'unchanged';
    return rows[0].created ? 'created' : 'updated';
  }

  /** Codes of the procedures that show one of these fields or agencies (their cached views hold the names). */
  async codesShowing(fieldCodes: string[], agencyCodes: string[]): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM procedures WHERE field_code = ANY($1) OR agency_code = ANY($2)`,
      [fieldCodes, agencyCodes],
    );
    return rows.map((r) => r.code);
  }
}
