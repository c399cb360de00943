import { ExecutionContext, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerRequest,
} from '@nestjs/throttler';
import type Redis from 'ioredis';
import { DomainError, RequestErrors } from '@dvc/contracts';
import { OPS_CONTROLLERS } from '../health/ops-routes';
import type { GatewayConfig } from '../gateway.config';
import { SyncedThrottlerStorage, redisCounters } from './synced-throttler-storage';

const AUTH_RATE_LIMITED = 'dvc:auth-rate-limited';
const LOOKUP_RATE_LIMITED = 'dvc:lookup-rate-limited';
const MINUTE_MS = 60_000;

/** A credential route (login, register, …): also counted against the stricter per-IP auth limit. */
export const AuthRateLimit = () => SetMetadata(AUTH_RATE_LIMITED, true);

/** The public dossier lookup: guessing codes and keys must stay slow (docs/design.md §4). */
export const LookupRateLimit = () => SetMetadata(LOOKUP_RATE_LIMITED, true);

/**
 * Fixed windows counted in each gateway and shared through Redis every second
 * (SyncedThrottlerStorage), so every instance sees the others' hits: `default` per signed-in
 * account over all routes, `address` per client IP over all routes and far higher (a one-stop
 * office puts many people, signed in or not, behind one public address), `auth` per client IP
 * and credential route (identity also limits logins per account and address), `lookup` per
 * client IP. Keys live under REDIS_PREFIX (the client's keyPrefix) + `throttle:`.
 */
export function rateLimitOptions(config: GatewayConfig, redis: Redis): ThrottlerModuleOptions {
  const reflector = new Reflector();
  return {
    throttlers: [
      {
        name: 'default',
        ttl: MINUTE_MS,
        limit: config.RATE_LIMIT_PER_MINUTE,
        skipIf: (context) => bearerSubject(context) === null,
        generateKey: (context) => `throttle:account:${bearerSubject(context)}`,
      },
      {
        name: 'address',
        ttl: MINUTE_MS,
        limit: config.ADDRESS_RATE_LIMIT_PER_MINUTE,
        generateKey: (_context, tracker) => `throttle:ip:${tracker}`,
      },
      {
        name: 'auth',
        ttl: MINUTE_MS,
        limit: config.AUTH_RATE_LIMIT_PER_MINUTE,
        skipIf: (context) =>
          reflector.get<boolean | undefined>(AUTH_RATE_LIMITED, context.getHandler()) !== true,
        generateKey: (context, tracker) => `throttle:auth:${context.getHandler().name}:${tracker}`,
      },
      {
        name: 'lookup',
        ttl: MINUTE_MS,
        limit: config.LOOKUP_RATE_LIMIT_PER_MINUTE,
        skipIf: (context) =>
          reflector.get<boolean | undefined>(LOOKUP_RATE_LIMITED, context.getHandler()) !== true,
        generateKey: (_context, tracker) => `throttle:lookup:${tracker}`,
      },
    ],
    storage: new SyncedThrottlerStorage(redisCounters(redis)),
    // Retry-After is set by the problem filter from the 429 problem.
    setHeaders: false,
  };
}

/**
 * The account a request says it comes from: the `sub` of its bearer token, read without
 * checking the signature (the JWT guard runs later and refuses a forged one). A forger only
 * gets a counter of their own, still inside the per-address limit.
 */
function bearerSubject(context: ExecutionContext): string | null {
  const header = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>()
    .headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return null;
  try {
    const payload: unknown = JSON.parse(
      Buffer.from(header.slice(7).split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    const sub = (payload as { sub?: unknown } | null)?.sub;
    return typeof sub === 'string' && /^[0-9a-f-]{36}$/i.test(sub) ? sub : null;
  } catch {
    return null;
  }
}

/**
 * ThrottlerGuard answering with a 429 problem that carries retryAfter. Ops routes are not
 * limited. If Redis is unreachable each instance still enforces the limits on its own hits
 * (logged): browsing the catalogue should not stop because a counter store is down; readiness
 * reports Redis. Should the storage itself fail, the request is let through (logged).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private lastStorageWarning = 0;

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http' || OPS_CONTROLLERS.has(context.getClass());
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    try {
      return await super.handleRequest(request);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      this.warnStorageDown(err);
      return true;
    }
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new DomainError(RequestErrors.rateLimited, {
      extra: { retryAfter: Math.max(1, detail.timeToBlockExpire) },
    });
  }

  private warnStorageDown(err: unknown): void {
    const now = Date.now();
    if (now - this.lastStorageWarning < 10_000) return;
    this.lastStorageWarning = now;
    Logger.warn(`rate limits not enforced, storage failed: ${(err as Error).message}`, 'RateLimit');
  }
}
