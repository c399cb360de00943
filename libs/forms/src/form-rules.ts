import type { KeywordDefinition } from 'ajv';

/**
 * The rules of the online forms that JSON Schema cannot say by itself, in one place for the
 * catalogue (which builds and checks the schemas), the dossier service (which validates with
 * ajv) and the portal (which checks in the browser without ajv).
 */

/** What a person reads about one pattern: the format expected, in each language. */
export interface PatternRule {
  readonly pattern: string;
  readonly vi: string;
  readonly en: string;
}

/**
 * The patterns of the catalogue's forms with the format each asks for. A schema names the
 * pattern itself (JSON Schema has no named patterns); the message finds its wording here.
 */
export const FIELD_PATTERNS = {
  idNumber: { pattern: '^[0-9]{12}$', vi: 'phải gồm 12 chữ số', en: 'must be 12 digits' },
  phone: {
    pattern: '^0[0-9]{9}$',
    vi: 'phải gồm 10 chữ số, bắt đầu bằng 0',
    en: 'must be 10 digits starting with 0',
  },
  taxCode: {
    pattern: '^[0-9]{10}(-[0-9]{3})?$',
    vi: 'phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (ví dụ 0101234567-001)',
    en: 'must be 10 digits, or 10 digits, a hyphen and 3 digits (e.g. 0101234567-001)',
  },
  time: {
    pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
    vi: 'phải theo dạng giờ:phút (ví dụ 08:30)',
    en: 'must be hours:minutes (e.g. 08:30)',
  },
  industryCode: { pattern: '^[0-9]{4}$', vi: 'phải gồm 4 chữ số', en: 'must be 4 digits' },
  idOrOldIdNumber: {
    pattern: '^([0-9]{10}|[0-9]{12})$',
    vi: 'phải gồm 10 hoặc 12 chữ số',
    en: 'must be 10 or 12 digits',
  },
  plateNumber: {
    pattern: '^[0-9]{2}[A-Z]{1,2}[0-9]?-?[0-9]{4,5}$',
    vi: 'phải theo dạng biển số, chữ in hoa, không dấu chấm (ví dụ 30A-12345)',
    en: 'must be a plate number in capitals, without dots (e.g. 30A-12345)',
  },
  passportNumber: {
    pattern: '^[A-Z0-9]{6,20}$',
    vi: 'phải gồm 6 đến 20 chữ in hoa hoặc chữ số',
    en: 'must be 6 to 20 capital letters or digits',
  },
  vietnamesePassport: {
    pattern: '^[A-Z][0-9]{7,8}$',
    vi: 'phải gồm 1 chữ in hoa và 7 hoặc 8 chữ số (ví dụ C1234567)',
    en: 'must be 1 capital letter and 7 or 8 digits (e.g. C1234567)',
  },
} as const satisfies Record<string, PatternRule>;

const BY_PATTERN = new Map<string, PatternRule>(
  Object.values(FIELD_PATTERNS).map((rule) => [rule.pattern, rule]),
);

/** The wording of a pattern the forms use, or undefined for one nobody described. */
export function patternRule(pattern: string): PatternRule | undefined {
  return BY_PATTERN.get(pattern);
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** Whether `yyyy-mm-dd` is a day of the calendar (2024-02-29 is, 2030-02-31 is not). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month])
  );
}

/** Looks like a date (yyyy-mm-dd) whether or not the day exists: "31/02" is not "empty". */
export const hasDateShape = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Today in Việt Nam (UTC+7, no daylight saving), as yyyy-mm-dd. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * `notAfterToday: true` on a date field: a birth date, a date something happened. Checked
 * when the data is checked, so "today" moves on while a compiled schema stays cached.
 */
export const NOT_AFTER_TODAY = 'notAfterToday';

/** Whether a date field marked `notAfterToday` accepts the value (wrong dates are `format`'s). */
export function notAfterToday(value: string, now: Date = new Date()): boolean {
  return !isCalendarDate(value) || value <= todayInVietnam(now);
}

const notAfterTodayKeyword: KeywordDefinition = {
  keyword: NOT_AFTER_TODAY,
  type: 'string',
  schemaType: 'boolean',
  errors: false,
  validate: (enabled: boolean, data: string) => !enabled || notAfterToday(data),
};

/** Teaches an ajv instance the forms' own keywords (strict mode refuses unknown ones). */
export function addFormKeywords<A extends { addKeyword(definition: KeywordDefinition): unknown }>(
  ajv: A,
): A {
  ajv.addKeyword(notAfterTodayKeyword);
  return ajv;
}
