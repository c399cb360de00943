import { PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validate } from 'class-validator';
import {
  AuthErrors,
  Caller,
  DomainError,
  FieldError,
  RequestErrors,
  Role,
  RpcRequest,
} from '@dvc/contracts';

/**
 * Validates the `data` of an RpcRequest against a contracts DTO (whitelist +
 * forbidNonWhitelisted, docs/design.md §9): the gateway validates too, but a service never
 * trusts what arrives on its queue. A bad input is a 400 problem, never a 500.
 */
export class RpcInput<T extends object> implements PipeTransform<unknown, Promise<RpcRequest<T>>> {
  constructor(
    private readonly dto: new () => T,
    /** Every property optional (e.g. logout, whose refresh token may come from the session instead). */
    private readonly options: { allMissing?: boolean } = {},
  ) {}

  async transform(value: unknown): Promise<RpcRequest<T>> {
    const request = isRecord(value) ? value : {};
    const raw = request.data ?? {};
    if (!isRecord(raw)) throw new DomainError(RequestErrors.validationFailed);
    const data = plainToInstance(this.dto, raw);
    const errors = await validate(data, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      skipMissingProperties: this.options.allMissing ?? false,
    });
    if (errors.length > 0) {
      throw new DomainError(RequestErrors.validationFailed, { errors: fieldErrorsOf(errors) });
    }
    return {
      caller: isRecord(request.caller) ? (request.caller as unknown as Caller) : null,
      correlationId: typeof request.correlationId === 'string' ? request.correlationId : null,
      ip: typeof request.ip === 'string' ? request.ip : undefined,
      data,
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The authenticated caller (roles and agencies cleaned up), or 401 when there is none. */
export function requireCaller(request: RpcRequest<unknown>): Caller {
  const caller = request?.caller;
  if (!caller || typeof caller.accountId !== 'string' || !UUID.test(caller.accountId)) {
    throw new DomainError(AuthErrors.required);
  }
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
  return { ...caller, roles: strings(caller.roles) as Role[], agencies: strings(caller.agencies) };
}

/** What a service needs to know about a request besides its caller and input. */
export interface RequestContext {
  correlationId: string | null;
  /** Client IP as the gateway saw it, for throttling and audit. */
  ip: string | null;
}

export function requestContextOf(request: RpcRequest<unknown>): RequestContext {
  return {
    correlationId: typeof request?.correlationId === 'string' ? request.correlationId : null,
    ip: typeof request?.ip === 'string' && request.ip !== '' ? request.ip : null,
  };
}

/** class-validator's tree as one entry per broken rule, named by its path (`a.b.0.c`). */
export function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrorsOf(e.children ?? [], field)];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
