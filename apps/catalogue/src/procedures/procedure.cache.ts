import { Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { ProcedureView } from '@dvc/contracts';
import { CatalogueConfig } from '../catalogue.config';

/**
 * Procedure views in Redis (`<REDIS_PREFIX>catalogue:procedure:<code>`, with a TTL). The
 * cache is an optimisation: when Redis fails, reads go to Postgres and the failure is
 * logged; writes delete the entry after their commit.
 */
@Injectable()
export class ProcedureCache {
  private readonly logger = new Logger('ProcedureCache');

  constructor(
    private readonly redis: Redis,
    private readonly config: CatalogueConfig,
  ) {}

  static key(code: string): string {
    return `catalogue:procedure:${code}`;
  }

  async get(code: string): Promise<ProcedureView | null> {
    try {
      const cached = await this.redis.get(ProcedureCache.key(code));
      return cached === null ? null : (JSON.parse(cached) as ProcedureView);
    } catch (err) {
      this.logger.warn(`read of ${code} failed, using the database: ${(err as Error).message}`);
      return null;
    }
  }

  async set(view: ProcedureView): Promise<void> {
    try {
      await this.redis.set(
        ProcedureCache.key(view.code),
        JSON.stringify(view),
        'EX',
        this.config.PROCEDURE_CACHE_TTL_SECONDS,
      );
    } catch (err) {
      this.logger.warn(`write of ${view.code} failed: ${(err as Error).message}`);
    }
  }

  async invalidate(codes: string[]): Promise<void> {
    if (codes.length === 0) return;
    try {
      await this.redis.del(...codes.map((code) => ProcedureCache.key(code)));
    } catch (err) {
      // The entries expire with their TTL; until then readers may see the previous version.
      this.logger.error(`invalidation of ${codes.join(', ')} failed: ${(err as Error).message}`);
    }
  }
}
