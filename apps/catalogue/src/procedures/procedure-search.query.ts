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

/** A page row, with the number of matching procedures (the same on every row). */
export type SearchRow = ProcedureSummaryRow & { total: number };

/** Runs one compiled statement and answers its rows (TypeORM in the service, pg in the bench). */
export type RunQuery = <R>(query: CompiledQuery<R>) => Promise<R[]>;

/**
 * A search, in one statement as a rule: the full-text match first, and only when it finds
 * nothing the typo-tolerant match (the trigram scan and its ranking grow with the catalogue,
 * the full-text ones with the matches only). A query whose words do match is not padded
 * with look-alike names.
 */
export async function searchProcedures(
  run: RunQuery,
  c: ProcedureSearchCriteria,
): Promise<{ rows: ProcedureSummaryRow[]; total: number }> {
  const found = await page(run, c, 'words');
  if (c.terms.length === 0 || found.total > 0) return found;
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

/**
 * One page of a search with the number of all matches: best rank first, then by name
 * (with no words, every procedure by name). A page past the end has no row to carry the
 * total: `procedureCountQuery` answers it then.
 */
export function procedureSearchQuery(
  c: ProcedureSearchCriteria,
  match: WordMatch,
): CompiledQuery<SearchRow> {
  return memoized(`page ${match}`, boundOf(c), (b) => {
    // The page is cut before the joins: only its rows fetch their field and agency.
    const page = matching(b, match)
      .select([
        'p.code',
        'p.name',
        'p.level',
        'p.field_code',
        'p.agency_code',
        'p.name_folded',
        (b.terms === null ? sql<number>`0` : rankOf(match)).as('rank'),
        sql<number>`(count(*) OVER ())::int`.as('total'),
      ])
      .orderBy('rank', 'desc')
      .orderBy('p.name_folded')
      .orderBy('p.code')
      .limit(b.limit)
      .offset(b.offset);
    return builder
      .selectFrom(page.as('m'))
      .innerJoin('fields as f', 'f.code', 'm.field_code')
      .innerJoin('agencies as a', 'a.code', 'm.agency_code')
      .select([
        'm.code',
        'm.name',
        'm.level',
        'f.code as field_code',
        'f.name as field_name',
        'a.code as agency_code',
        'a.name as agency_name',
        'a.level as agency_level',
        'a.parent_code as agency_parent_code',
        'm.total',
      ])
      .orderBy('m.rank', 'desc')
      .orderBy('m.name_folded')
      .orderBy('m.code')
      .compile();
  });
}

/** The number of procedures a search matches. */
export function procedureCountQuery(
  c: ProcedureSearchCriteria,
  match: WordMatch,
): CompiledQuery<{ total: number }> {
  return memoized(`count ${match}`, boundOf(c), (b) =>
    matching(b, match)
      .select(sql<number>`count(*)::int`.as('total'))
      .compile(),
  );
}

/** The values a statement binds; null ones leave their condition out. */
interface Bound {
  terms: string[] | null;
  field: string | null;
  agency: string | null;
  level: number | null;
  limit: number;
  offset: number;
}
const BOUND = ['terms', 'field', 'agency', 'level', 'limit', 'offset'] as const;

function boundOf(c: ProcedureSearchCriteria): Bound {
  return {
    terms: c.terms.length > 0 ? c.terms : null,
    field: c.field,
    agency: c.agency,
    level: c.level,
    limit: c.pageSize,
    offset: (c.page - 1) * c.pageSize,
  };
}

/** Procedures that match the filters and the words (`p`, the words as `q`). */
function matching(b: Bound, match: WordMatch) {
  const filtered = builder
    .selectFrom('procedures as p')
    .$if(b.field !== null, (qb) => qb.where('p.field_code', '=', b.field!))
    .$if(b.agency !== null, (qb) => qb.where('p.agency_code', '=', b.agency!))
    .$if(b.level !== null, (qb) => qb.where('p.level', '=', b.level!));
  if (b.terms === null) return filtered;
  return filtered
    .crossJoinLateral(queryWords(b.terms))
    .where(
      match === 'words'
        ? sql<boolean>`p.search_vector @@ q.query`
        : sql<boolean>`(p.search_vector @@ q.query OR p.name_folded %> q.phrase)`,
    );
}

/** Best first: the full-text rank, plus the name's similarity when typos match too. */
function rankOf(match: WordMatch) {
  return match === 'words'
    ? sql<number>`ts_rank(p.search_vector, q.query)`
    : sql<number>`ts_rank(p.search_vector, q.query) + word_similarity(q.phrase, p.name_folded)`;
}

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

/** Builds statements without running them: the caller runs them on its own connection. */
const builder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const statements = new Map<string, { sql: string; slots: (keyof Bound)[] }>();

/**
 * Building a statement with Kysely costs about as much CPU as Postgres takes to run a search,
 * and its text depends only on which values are present: each shape is built once, with a
 * marker in place of each value, and every search of that shape binds its own values where
 * the markers were.
 */
function memoized<R>(
  name: string,
  values: Bound,
  build: (b: Bound) => CompiledQuery<R>,
): CompiledQuery<R> {
  const key = `${name} ${BOUND.map((k) => (values[k] === null ? '-' : '+')).join('')}`;
  let statement = statements.get(key);
  if (!statement) {
    const marker = (k: keyof Bound) => `\u0000${k}`;
    const marked = Object.fromEntries(
      BOUND.map((k) => [k, values[k] === null ? null : marker(k)]),
    ) as unknown as Bound;
    const built = build(marked);
    const slots = built.parameters.map((p) => BOUND.find((k) => marker(k) === p));
    if (slots.some((slot) => slot === undefined)) throw new Error(`${name}: unbound parameter`);
    statement = { sql: built.sql, slots: slots as (keyof Bound)[] };
    statements.set(key, statement);
  }
  return CompiledQuery.raw(
    statement.sql,
    statement.slots.map((k) => values[k]),
  ) as CompiledQuery<R>;
}
