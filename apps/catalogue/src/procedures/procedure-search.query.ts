import {
  CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import type { DB } from '../database/db.generated';
import type { ProcedureSearchCriteria } from './procedure-search';
import type { ProcedureSummaryRow } from './procedures.dto';

/**
 * How words match: `words` through the full-text index only (every word, accents ignored,
 * the last one as a prefix); `words-or-typos` also through trigram word similarity of the
 * folded name (pg_trgm `%>`, threshold pg_trgm.word_similarity_threshold, 0.6 by default).
 */
export type WordMatch = 'words' | 'words-or-typos';

/** The full-text search finds fewer procedures than this: the typo-tolerant one runs instead. */
export const TYPO_FALLBACK_BELOW = 3;

/** A page row, with the number of matching procedures (the same on every row). */
export type SearchRow = ProcedureSummaryRow & { total: number };

/** Runs one compiled statement and answers its rows (TypeORM in the service, pg in the bench). */
export type RunQuery = <R>(query: CompiledQuery<R>) => Promise<R[]>;

/** Builds statements without running them: the caller runs them on its own connection. */
const builder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * The query words, bound once: `query`, their tsquery — each word folded like the index,
 * quoted as one lexeme (quotes and backslashes that folding may produce are escaped), all
 * required, the last one as a prefix so a half-typed word already matches; `phrase`, the
 * folded words for trigram similarity.
 */
function queryWords(terms: string[]) {
  return sql<{ query: string; phrase: string }>`(
    SELECT to_tsquery('simple', array_to_string(ARRAY(
             SELECT '''' || replace(replace(vn_fold(t.term), '\\', '\\\\'), '''', '''''') || ''''
                    || CASE WHEN t.n = cardinality(w.terms) THEN ':*' ELSE '' END
               FROM unnest(w.terms) WITH ORDINALITY AS t(term, n)), ' & ')) AS query,
           vn_fold(array_to_string(w.terms, ' ')) AS phrase
      FROM (SELECT ${terms}::text[] AS terms) w)`.as('q');
}

/** Procedures that match the criteria's filters and words: their code and rank. */
function matching(c: ProcedureSearchCriteria, match: WordMatch) {
  let query = builder
    .selectFrom('procedures as p')
    .$if(c.field !== null, (qb) => qb.where('p.field_code', '=', c.field!))
    .$if(c.agency !== null, (qb) => qb.where('p.agency_code', '=', c.agency!))
    .$if(c.level !== null, (qb) => qb.where('p.level', '=', c.level!));
  if (c.terms.length === 0) return query.select(['p.code', sql<number>`0`.as('rank')]);
  const withWords = query.crossJoinLateral(queryWords(c.terms));
  return match === 'words'
    ? withWords
        .where(sql<boolean>`p.search_vector @@ q.query`)
        .select(['p.code', sql<number>`ts_rank(p.search_vector, q.query)`.as('rank')])
    : withWords
        .where(sql<boolean>`(p.search_vector @@ q.query OR p.name_folded %> q.phrase)`)
        .select([
          'p.code',
          sql<number>`ts_rank(p.search_vector, q.query) + word_similarity(q.phrase, p.name_folded)`.as(
            'rank',
          ),
        ]);
}

/**
 * One page of a search with the number of all matches: best rank first, then by name
 * (with no words, every procedure by name). A page past the end has no row to carry the
 * total: `procedureCountQuery` answers it then.
 */
export function procedureSearchQuery(
  c: ProcedureSearchCriteria,
  match: WordMatch,
): CompiledQuery<SearchRow> {
  return builder
    .with('m', () => matching(c, match))
    .selectFrom('m')
    .innerJoin('procedures as p', 'p.code', 'm.code')
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
      sql<number>`(count(*) OVER ())::int`.as('total'),
    ])
    .orderBy('m.rank', 'desc')
    .orderBy('p.name_folded')
    .orderBy('p.code')
    .limit(c.pageSize)
    .offset((c.page - 1) * c.pageSize)
    .compile() as CompiledQuery<SearchRow>;
}

/** The number of procedures a search matches. */
export function procedureCountQuery(
  c: ProcedureSearchCriteria,
  match: WordMatch,
): CompiledQuery<{ total: number }> {
  return builder
    .selectFrom(matching(c, match).as('m'))
    .select(sql<number>`count(*)::int`.as('total'))
    .compile();
}

/**
 * A search, in one statement as a rule: the full-text match first, and only when it finds
 * fewer than TYPO_FALLBACK_BELOW procedures the typo-tolerant match (the trigram scan and
 * ranking cost grow with the catalogue, the full-text ones with the matches only).
 */
export async function searchProcedures(
  run: RunQuery,
  c: ProcedureSearchCriteria,
): Promise<{ rows: ProcedureSummaryRow[]; total: number }> {
  const found = await page(run, c, 'words');
  if (c.terms.length === 0 || found.total >= TYPO_FALLBACK_BELOW) return found;
  return page(run, c, 'words-or-typos');
}

async function page(run: RunQuery, c: ProcedureSearchCriteria, match: WordMatch) {
  const rows = await run(procedureSearchQuery(c, match));
  const total =
    rows.length > 0
      ? rows[0].total
      : c.page === 1
        ? 0
        : (await run(procedureCountQuery(c, match)))[0].total;
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}
