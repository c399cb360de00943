/**
 * Typed domain errors. Services throw them; libs/messaging turns them into RPC errors
 * once, and the gateway turns those into problem+json once. `status` is the HTTP status
 * the client will see.
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
  /** Seconds, for 429 answers. */
  retryAfter?: number;
  /** Extra members the client may use (e.g. the current dossier status on a 409). */
  [extra: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly extra: Omit<ProblemShape, 'status' | 'code' | 'title'> = {},
  ) {
    super(typeof extra.detail === 'string' ? extra.detail : title);
    this.name = new.target.name;
  }

  toProblem(): ProblemShape {
    return { status: this.status, code: this.code, title: this.title, ...this.extra };
  }
}

export class BadRequestError extends DomainError {
  constructor(code: string, detail: string, errors?: FieldError[]) {
    super(400, code, 'Yêu cầu không hợp lệ', { detail, errors });
  }
}

export class UnauthorizedError extends DomainError {
  constructor(code: string, detail: string) {
    super(401, code, 'Chưa xác thực', { detail });
  }
}

export class ForbiddenError extends DomainError {
  constructor(code: string, detail: string) {
    super(403, code, 'Không có quyền', { detail });
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, detail: string) {
    super(404, code, 'Không tìm thấy', { detail });
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, detail: string, extra: Record<string, unknown> = {}) {
    super(409, code, 'Xung đột trạng thái', { detail, ...extra });
  }
}

export class UnprocessableError extends DomainError {
  constructor(code: string, detail: string, errors?: FieldError[]) {
    super(422, code, 'Dữ liệu không hợp lệ', { detail, errors });
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(code: string, detail: string, retryAfter: number) {
    super(429, code, 'Quá nhiều yêu cầu', { detail, retryAfter });
  }
}

/** Recognises a problem that crossed a process boundary as plain JSON. */
export function isProblemShape(value: unknown): value is ProblemShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && typeof v.code === 'string' && typeof v.title === 'string';
}
