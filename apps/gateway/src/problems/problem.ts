import { HttpException } from '@nestjs/common';
import {
  DomainError,
  FieldError,
  ProblemLanguage,
  ProblemShape,
  RequestErrors,
  problemTitle,
} from '@dvc/contracts';

/** The body of every error answer (RFC 9457 `application/problem+json`). */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  /** The request path the problem occurred on. */
  instance: string;
  errors?: FieldError[];
  /** Correlation id, also in the X-Request-Id header: quote it to support. */
  requestId: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** What a client sees for anything that was not a deliberate error: no internals. */
export function internalProblem(language: ProblemLanguage): ProblemShape {
  return new DomainError(RequestErrors.internal).toProblem(language);
}

/**
 * Framework errors (routing, body parsing, guards) by status: generic codes under `http.`,
 * outside the catalogue, worded by the framework (their title comes from the status).
 */
const HTTP_CODES: Record<number, string> = {
  400: 'http.bad_request',
  401: 'http.unauthorized',
  403: 'http.forbidden',
  404: 'http.not_found',
  405: 'http.method_not_allowed',
  406: 'http.not_acceptable',
  408: 'http.request_timeout',
  409: 'http.conflict',
  413: 'http.payload_too_large',
  415: 'http.unsupported_media_type',
  422: 'http.unprocessable',
  429: 'http.too_many_requests',
  503: 'http.unavailable',
};

const NOT_READY = { vi: 'Một số thành phần chưa sẵn sàng.', en: 'Some components are not ready.' };

const RESERVED = new Set([
  'type',
  'title',
  'status',
  'detail',
  'code',
  'instance',
  'errors',
  'requestId',
  'params',
]);

/**
 * The problem an exception stands for, worded in the reader's language, or null when it is
 * not a deliberate error (the caller logs it and answers internalProblem).
 */
export function problemOf(exception: unknown, language: ProblemLanguage): ProblemShape | null {
  if (exception instanceof DomainError) {
    const problem = exception.toProblem(language);
    // A status that is not an error status came from a confused service: do not relay it.
    return Number.isInteger(problem.status) && problem.status >= 400 && problem.status <= 599
      ? problem
      : null;
  }
  if (exception instanceof HttpException) return httpProblemOf(exception, language);
  return null;
}

function httpProblemOf(exception: HttpException, language: ProblemLanguage): ProblemShape {
  const status = exception.getStatus();
  const code = HTTP_CODES[status] ?? `http.${status}`;
  const response = exception.getResponse();
  const problem: ProblemShape = { status, code, title: problemTitle(status, language) };
  if (status < 500) {
    // Framework messages (routing, body parsing) are safe and say exactly what is wrong.
    const message =
      typeof response === 'object' && response !== null
        ? (response as { message?: unknown }).message
        : response;
    problem.detail = Array.isArray(message)
      ? message.map(String).join('; ')
      : String(message ?? exception.message);
  } else if (isHealthReport(response)) {
    problem.detail = NOT_READY[language];
    problem.checks = response.details;
  }
  return problem;
}

/** @nestjs/terminus answers an unhealthy check with its report inside a 503. */
function isHealthReport(
  value: unknown,
): value is { status: 'error'; details: Record<string, unknown> } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { status?: unknown }).status === 'error' &&
    typeof (value as { details?: unknown }).details === 'object'
  );
}

/** Generic HTTP codes carry no more meaning than their status; domain codes get their own type. */
export function problemType(code: string): string {
  return code.startsWith('http.') ? 'about:blank' : `urn:dvc:problem:${code}`;
}

export function renderProblem(
  problem: ProblemShape,
  instance: string,
  requestId: string,
): ProblemDocument {
  const { status, code, title, detail, errors } = problem;
  const extensions = Object.fromEntries(
    Object.entries(problem).filter(([key, value]) => !RESERVED.has(key) && value !== undefined),
  );
  return {
    type: problemType(code),
    title,
    status,
    detail: typeof detail === 'string' && detail.length > 0 ? detail : title,
    code,
    instance,
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...extensions,
    requestId,
  };
}

/** Seconds for the Retry-After header of a 429/503, when the problem says how long. */
export function retryAfterOf(problem: ProblemShape): number | null {
  const value = problem.retryAfter;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}
