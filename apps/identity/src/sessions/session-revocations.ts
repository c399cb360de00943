import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { sessionRevokedChannel } from '@dvc/contracts';
import { IdentityConfig } from '../identity.config';

export const sessionRevokedKey = (sessionId: string): string => `session-revoked:${sessionId}`;

/**
 * Tells the gateway that sessions ended. The gateway checks access JWTs on its own, so an
 * access token stays valid until its `exp` even once its session (refresh-token family) is
 * revoked. For that long, and no longer, Redis key `session-revoked:<sid>` (under
 * REDIS_PREFIX) marks the session: the gateway refuses any access token whose `sid` claim
 * has the key. Its TTL is ACCESS_TOKEN_TTL_SECONDS, because every token of the session was
 * issued before the revocation and has expired by itself when the key does.
 *
 * Callers write the marks inside the revoking DB transaction, before its commit: if Redis
 * fails the revocation fails with it, so the two never disagree in the unsafe direction.
 * Each id is also announced on `sessionRevokedChannel`: the gateway ends its live streams.
 */
@Injectable()
export class SessionRevocations {
  constructor(
    private readonly redis: Redis,
    private readonly config: IdentityConfig,
  ) {}

  async mark(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const tx = this.redis.multi();
    const channel = sessionRevokedChannel(this.config.REDIS_PREFIX);
    for (const id of sessionIds) {
      tx.set(sessionRevokedKey(id), '1', 'EX', this.config.ACCESS_TOKEN_TTL_SECONDS);
      tx.publish(channel, id);
    }
    const results = (await tx.exec()) ?? [];
    const failed = results.find(([err]) => err !== null);
    if (failed) throw failed[0];
  }
}
