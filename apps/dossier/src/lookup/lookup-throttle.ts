import { Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { DossierErrors, DomainError } from '@dvc/contracts';
import { DossierConfig } from '../dossier.config';

/**
 * Failed public lookups per client IP in a fixed window (Redis, shared by every instance):
 * guessing codes and keys is slow, a citizen who mistypes a few times is not hindered.
 * If Redis is unreachable the limit is not enforced (logged); readiness reports Redis.
 */
@Injectable()
export class LookupThrottle {
  private readonly logger = new Logger('LookupThrottle');
  private readonly limit: number;
  private readonly windowSeconds: number;

  constructor(
    private readonly redis: Redis,
    config: DossierConfig,
  ) {
    this.limit = config.LOOKUP_FAILURES_PER_WINDOW;
    this.windowSeconds = config.LOOKUP_WINDOW_SECONDS;
  }

  /** 429 when this IP has used up its failures. */
  async assertAllowed(ip: string): Promise<void> {
    const [count, ttl] = await this.guard(
      () => Promise.all([this.redis.get(this.key(ip)), this.redis.ttl(this.key(ip))]),
      [null, -1] as [string | null, number],
    );
    if (Number(count ?? 0) >= this.limit) {
      throw new DomainError(DossierErrors.lookupThrottled, {
        extra: { retryAfter: ttl > 0 ? ttl : this.windowSeconds },
      });
    }
  }

  async recordFailure(ip: string): Promise<void> {
    const key = this.key(ip);
    await this.guard(async () => {
      const count = await this.redis.incr(key);
      if (count === 1) await this.redis.expire(key, this.windowSeconds);
    }, undefined);
  }

  private key(ip: string): string {
    return `lookup-failures:${ip}`;
  }

  private async guard<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (err) {
      this.logger.warn(`lookup throttle not enforced: ${(err as Error).message}`);
      return fallback;
    }
  }
}
