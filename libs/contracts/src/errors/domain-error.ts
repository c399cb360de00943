import {
  ErrorEntry,
  ErrorParams,
  NeedsParams,
  ProblemLanguage,
  problemTitle,
  renderMessage,
} from './error-entry';

/**
 * Typed domain errors. A throw names an entry of an error catalogue (`*.errors.ts`), which
 * fixes its code, HTTP status and messages; libs/messaging turns it into an RPC error once,
 * and the gateway into problem+json once, in the caller's language.
 */
export interface FieldError {
  /** JSON pointer or field name, e.g. `/hoTen` or `email`. */
  field: string;
  message: string;
}

export interface ProblemShape {
  status: number;
  /** Stable machine-readable code, e.g. `account.email_taken`. */
  code: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  /** The values the catalogue message names, so the gateway can word it in another language. */
  params?: Record<string, string | number>;
  /** Seconds, for 429 answers. */
  retryAfter?: number;
  /** Extra members the client may use (e.g. the current dossier status on a 409). */
  [extra: string]: unknown;
}

/** What a throw adds to its catalogue entry. */
export interface ErrorDetails {
  /** Per-field errors of a validation failure. */
  errors?: FieldError[];
  /** Extra members of the problem body (e.g. `currentStatus`, `maxBytes`, `retryAfter`). */
  extra?: Record<string, unknown>;
}

type DetailsArg<E extends ErrorEntry> =
  NeedsParams<E> extends true
    ? [details: ErrorDetails & { params: ErrorParams<E> }]
    : [details?: ErrorDetails & { params?: Record<string, string | number> }];

export class DomainError<E extends ErrorEntry = ErrorEntry> extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown>;

  constructor(
    readonly entry: E,
    ...[details]: DetailsArg<E>
  ) {
    const params = details?.params ?? {};
    super(renderMessage(entry, 'vi', params));
    this.name = new.target.name;
    this.status = entry.status;
    this.code = entry.code;
    this.params = params;
    this.errors = details?.errors;
    this.extra = details?.extra ?? {};
  }

  /** The problem in one language (services answer in Vietnamese; the gateway re-words it). */
  toProblem(language: ProblemLanguage = 'vi'): ProblemShape {
    const hasParams = Object.keys(this.params).length > 0;
    return {
      status: this.status,
      code: this.code,
      title: problemTitle(this.status, language),
      detail: renderMessage(this.entry, language, this.params),
      ...(this.errors && this.errors.length > 0 ? { errors: this.errors } : {}),
      ...(hasParams ? { params: this.params } : {}),
      ...this.extra,
    };
  }
}

/** Recognises a problem that crossed a process boundary as plain JSON. */
export function isProblemShape(value: unknown): value is ProblemShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && typeof v.code === 'string' && typeof v.title === 'string';
}
