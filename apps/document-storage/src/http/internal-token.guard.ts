import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { StorageHttp, UnauthorizedError } from '@dvc/contracts';
import { StorageConfig } from '../storage.config';

/**
 * The internal HTTP API answers the gateway only: it must send INTERNAL_TOKEN as
 * `x-internal-token` (compared in constant time), otherwise 401.
 */
@Injectable()
export class InternalTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(config: StorageConfig) {
    this.expected = digest(config.INTERNAL_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    const given = context.switchToHttp().getRequest<FastifyRequest>().headers[
      StorageHttp.headers.token
    ];
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), this.expected)) {
      throw new UnauthorizedError('internal.unauthorized', 'Thiếu hoặc sai mã truy cập nội bộ.');
    }
    return true;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
