import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RequestErrors, DomainError } from '@dvc/contracts';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** `Idempotency-Key` header: optional; when sent, 8–128 safe characters (a UUID fits). */
export function idempotencyKeyOf(value: string | string[] | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (Array.isArray(value) || !KEY.test(value)) {
    throw new DomainError(RequestErrors.idempotencyKeyInvalid);
  }
  return value;
}

export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  idempotencyKeyOf(context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key']),
);
