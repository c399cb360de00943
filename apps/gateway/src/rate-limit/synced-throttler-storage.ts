import { Logger, OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How often the hits counted here are added to the shared counters (and theirs learnt). */
export const RATE_LIMIT_SYNC_MS = 1_000;

/** The hits of one counter since the last sync, and the window and limit they count against. */
export interface CounterHits {
  key: string;
  hits: number;
  ttlMs: number;
  limit: number;
  blockMs: number;
}

/** A shared counter after the hits were added: every instance's hits in its window. */
export interface SharedCounter {
  totalHits: number;
  windowLeftMs: number;
  blockLeftMs: number;
}

/** Adds hits to the shared counters, in the order given; one answer per counter. */
export type SyncCounters = (batch: CounterHits[]) => Promise<SharedCounter[]>;

interface Counter {
  windowEnd: number;
  /** Every instance's hits as of the last sync (this one's included). */
  shared: number;
  /** This instance's hits since the last sync. */
  pending: number;
  blockedUntil: number;
  ttlMs: number;
  limit: number;
  blockMs: number;
}

/**
 * Fixed-window rate limits counted in this process and added to the shared Redis counters
 * every RATE_LIMIT_SYNC_MS (one pipelined round trip for all counters), instead of one Redis
 * round trip per limit per request. One instance enforces its own hits exactly; the hits of
 * other instances count from the next sync, so a client spreading over N gateways can pass
 * the limit by at most what N − 1 of them let through in one sync interval. A failed sync
 * keeps counting locally (the limits still hold per instance) and is retried with the next.
 * On shutdown the last hits are shared and the timer stops, before the Redis client closes.
 */
export class SyncedThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private readonly counters = new Map<string, Counter>();
  private readonly timer: NodeJS.Timeout;
  private syncing: Promise<void> | null = null;
  private lastWarning = 0;

  constructor(
    private readonly sync: SyncCounters,
    private readonly now: () => number = Date.now,
    syncEveryMs = RATE_LIMIT_SYNC_MS,
  ) {
    this.timer = setInterval(() => void this.flush(), syncEveryMs);
    this.timer.unref();
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const id = `${key}:${throttlerName}`;
    const now = this.now();
    let c = this.counters.get(id);
    const blockOver = c !== undefined && c.blockedUntil > 0 && c.blockedUntil <= now;
    if (!c || (c.windowEnd <= now && c.blockedUntil <= now) || blockOver) {
      // A new window (as Redis starts one when the key expired or the block ended).
      // Hits of the old window not synced yet are not carried into the new one.
      c = {
        windowEnd: now + ttl,
        shared: 0,
        pending: 0,
        blockedUntil: 0,
        ttlMs: ttl,
        limit,
        blockMs: blockDuration,
      };
      this.counters.set(id, c);
    }
    c.pending += 1;
    const totalHits = c.shared + c.pending;
    if (c.blockedUntil === 0 && totalHits > limit) c.blockedUntil = now + blockDuration;
    const blocked = c.blockedUntil > now;
    return Promise.resolve({
      totalHits,
      timeToExpire: Math.ceil(Math.max(0, c.windowEnd - now) / 1000),
      isBlocked: blocked,
      timeToBlockExpire: blocked ? Math.ceil((c.blockedUntil - now) / 1000) : 0,
    });
  }

  /** Adds the hits counted since the last sync to the shared counters; learns the others'. */
  flush(): Promise<void> {
    this.syncing ??= this.syncOnce().finally(() => (this.syncing = null));
    return this.syncing;
  }

  close(): Promise<void> {
    clearInterval(this.timer);
    return this.flush();
  }

  /** Nest calls this before the application-shutdown hook that quits the Redis client. */
  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  private async syncOnce(): Promise<void> {
    const now = this.now();
    const batch: [string, Counter, number][] = [];
    for (const [id, c] of this.counters) {
      if (c.pending > 0) batch.push([id, c, c.pending]);
      else if (c.windowEnd <= now && c.blockedUntil <= now) this.counters.delete(id); // idle
    }
    if (batch.length === 0) return;
    for (const [, c, sent] of batch) c.pending -= sent;
    let answers: SharedCounter[];
    try {
      answers = await this.sync(
        batch.map(([key, c, hits]) => ({
          key,
          hits,
          ttlMs: c.ttlMs,
          limit: c.limit,
          blockMs: c.blockMs,
        })),
      );
    } catch (err) {
      for (const [, c, sent] of batch) c.pending += sent; // sent again with the next sync
      this.warn(err);
      return;
    }
    const at = this.now();
    batch.forEach(([id, sentFrom], i) => {
      const c = this.counters.get(id);
      const answer = answers[i];
      if (c !== sentFrom || !answer) return; // a new window started here meanwhile
      c.shared = answer.totalHits;
      c.windowEnd = at + answer.windowLeftMs;
      if (answer.blockLeftMs > 0)
        c.blockedUntil = Math.max(c.blockedUntil, at + answer.blockLeftMs);
    });
  }

  private warn(err: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < 10_000) return;
    this.lastWarning = now;
    this.logger.warn(
      `rate limits counted on this instance only, sharing failed: ${(err as Error).message}`,
    );
  }
}

/**
 * The shared counters in Redis: per counter, adds the hits to a key that expires with its
 * window and sets a block key once past the limit (the fixed windows of the Redis storage of
 * @nestjs/throttler, with many hits at once). Keys live under the client's keyPrefix.
 */
const ADD_HITS = `
local total = redis.call('INCRBY', KEYS[1], tonumber(ARGV[1]))
local left = redis.call('PTTL', KEYS[1])
if left <= 0 then
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
  left = tonumber(ARGV[2])
end
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft <= 0 and total > tonumber(ARGV[3]) then
  redis.call('SET', KEYS[2], 1, 'PX', tonumber(ARGV[4]))
  blockLeft = tonumber(ARGV[4])
end
if blockLeft < 0 then blockLeft = 0 end
return { total, left, blockLeft }`;

export function redisCounters(redis: Redis): SyncCounters {
  return async (batch) => {
    const pipeline = redis.pipeline();
    for (const c of batch)
      pipeline.eval(
        ADD_HITS,
        2,
        `{${c.key}}:hits`,
        `{${c.key}}:blocked`,
        c.hits,
        c.ttlMs,
        c.limit,
        c.blockMs,
      );
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, value]) => {
      if (err) throw err;
      const [totalHits, windowLeftMs, blockLeftMs] = value as [number, number, number];
      return { totalHits, windowLeftMs, blockLeftMs };
    });
  };
}
