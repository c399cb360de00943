import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { DomainError, AuthErrors } from '@dvc/contracts';

/**
 * Sessions identity has revoked (logout, password reset, refresh-token reuse). Identity
 * writes `session-revoked:<sid>` (under the shared REDIS_PREFIX) for as long as an access
 * token of that session could still be valid; the gateway refuses those tokens.
 */
@Injectable()
export class RevokedSessions {
  constructor(@Inject(Redis) private readonly redis: Redis) {}

  async isRevoked(sessionId: string): Promise<boolean> {
    try {
      return (await this.redis.exists(`session-revoked:${sessionId}`)) > 0;
    } catch {
      // Fail closed: a token whose session cannot be checked is not accepted.
      throw new DomainError(AuthErrors.sessionCheckUnavailable);
    }
  }
}
