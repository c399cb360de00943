import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthErrors, DomainError } from '@dvc/contracts';

/** Injection token of the shared secret of internal HTTP APIs (an app provides it from its config). */
export const INTERNAL_TOKEN = Symbol('INTERNAL_TOKEN');
/** Header the gateway sends it in. */
export const INTERNAL_TOKEN_HEADER = 'x-internal-token';

/**
 * Internal HTTP routes (file streams, receipts) answer the gateway only: it must send the
 * internal token (compared in constant time), otherwise 401.
 */
@Injectable()
export class InternalTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(INTERNAL_TOKEN) token: string) {
    this.expected = digest(token);
  }

  canActivate(context: ExecutionContext): boolean {
    const given = context.switchToHttp().getRequest<FastifyRequest>().headers[
      INTERNAL_TOKEN_HEADER
    ];
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), this.expected)) {
      throw new DomainError(AuthErrors.internalUnauthorized);
    }
    return true;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
