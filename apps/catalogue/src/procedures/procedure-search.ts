import { FieldError, MAX_PAGE_SIZE, RequestErrors, DomainError } from '@dvc/contracts';
import { withVietnameseTerms } from './english-terms';

export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE = 10_000;
const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;
const MAX_TERM_LENGTH = 64;

/** A search the repository can run: every value is plain data, bound as a parameter. */
export interface ProcedureSearchCriteria {
  /**
   * Words of the query in NFC, punctuation and operators removed; SQL folds them
   * (no diacritics, lower case) with the same function that built the index.
   */
  terms: string[];
  field: string | null;
  agency: string | null;
  level: 1 | 2 | 3 | 4 | null;
  page: number;
  pageSize: number;
}

/**
 * Words of a free-text query: runs of letters (with their combining marks) and digits,
 * dots kept inside a word so procedure codes like `1.001193` stay whole. Everything else
 * (quotes, `&`, `|`, `!`, `:*`, backslashes, brackets…) only separates words, so nothing
 * the user types can reach the tsquery syntax.
 */
export function searchTerms(q: string): string[] {
  const words = q.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+(?:\.[\p{L}\p{M}\p{N}]+)*/gu) ?? [];
  return words.map((w) => w.slice(0, MAX_TERM_LENGTH)).slice(0, MAX_TERMS);
}

/**
 * Reads `catalogue.procedures.search` input (SearchProceduresQuery). The gateway has
 * validated it already; this guards the service against any other caller: wrong types
 * are a 400 listing the fields, sizes out of range are clamped (pageSize ≤ 100).
 */
export function searchCriteria(input: unknown): ProcedureSearchCriteria {
  const query = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const errors: FieldError[] = [];
  const text = (name: string, max: number): string | null => {
    const value = query[name];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') {
      errors.push({ field: name, message: 'Phải là chuỗi ký tự' });
      return null;
    }
    return value.slice(0, max);
  };
  const integer = (name: string): number | null => {
    const value = query[name];
    if (value === undefined || value === null || value === '') return null;
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      errors.push({ field: name, message: 'Phải là số nguyên' });
      return null;
    }
    return n;
  };

  const q = text('q', MAX_QUERY_LENGTH);
  const field = text('field', 64);
  const agency = text('agency', 64);
  const level = integer('level');
  if (level !== null && (level < 1 || level > 4))
    errors.push({ field: 'level', message: 'Mức độ phải từ 1 đến 4' });
  const page = integer('page');
  const pageSize = integer('pageSize');
  if (errors.length > 0) throw new DomainError(RequestErrors.invalidParameters, { errors });

  return {
    terms: q ? searchTerms(withVietnameseTerms(q)) : [],
    field,
    agency,
    level: level as ProcedureSearchCriteria['level'],
    page: clamp(page ?? 1, 1, MAX_PAGE),
    pageSize: clamp(pageSize ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
