import { HttpException } from '@nestjs/common';
import { DomainError, FieldError, ProblemShape } from '@dvc/contracts';

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
export const INTERNAL_PROBLEM: ProblemShape = {
  status: 500,
  code: 'internal',
  title: 'Lỗi hệ thống',
  detail: 'Đã có lỗi xảy ra, vui lòng thử lại sau.',
};

/** Framework errors (routing, body parsing, guards) by status. Codes under `http.` are generic. */
const HTTP_PROBLEMS: Record<number, { code: string; title: string }> = {
  400: { code: 'http.bad_request', title: 'Yêu cầu không hợp lệ' },
  401: { code: 'http.unauthorized', title: 'Chưa xác thực' },
  403: { code: 'http.forbidden', title: 'Không có quyền' },
  404: { code: 'http.not_found', title: 'Không tìm thấy' },
  405: { code: 'http.method_not_allowed', title: 'Phương thức không được hỗ trợ' },
  406: { code: 'http.not_acceptable', title: 'Không đáp ứng được định dạng yêu cầu' },
  408: { code: 'http.request_timeout', title: 'Hết thời gian gửi yêu cầu' },
  409: { code: 'http.conflict', title: 'Xung đột trạng thái' },
  413: { code: 'http.payload_too_large', title: 'Dữ liệu gửi lên quá lớn' },
  415: { code: 'http.unsupported_media_type', title: 'Kiểu dữ liệu không được hỗ trợ' },
  422: { code: 'http.unprocessable', title: 'Dữ liệu không hợp lệ' },
  429: { code: 'http.too_many_requests', title: 'Quá nhiều yêu cầu' },
  503: { code: 'http.unavailable', title: 'Dịch vụ tạm thời không khả dụng' },
};

const RESERVED = new Set([
  'type',
  'title',
  'status',
  'detail',
  'code',
  'instance',
  'errors',
  'requestId',
]);

/**
 * The problem an exception stands for, or null when it is not a deliberate error
 * (the caller logs it and answers INTERNAL_PROBLEM).
 */
export function problemOf(exception: unknown): ProblemShape | null {
  if (exception instanceof DomainError) {
    const problem = exception.toProblem();
    // A status that is not an error status came from a confused service: do not relay it.
    return Number.isInteger(problem.status) && problem.status >= 400 && problem.status <= 599
      ? problem
      : null;
  }
  if (exception instanceof HttpException) return httpProblemOf(exception);
  return null;
}

function httpProblemOf(exception: HttpException): ProblemShape {
  const status = exception.getStatus();
  const known = HTTP_PROBLEMS[status] ?? {
    code: `http.${status}`,
    title: status >= 500 ? 'Lỗi hệ thống' : 'Yêu cầu không hợp lệ',
  };
  const response = exception.getResponse();
  const problem: ProblemShape = { status, ...known };
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
    problem.detail = 'Một số thành phần chưa sẵn sàng.';
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
