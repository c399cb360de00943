import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { DomainError, OIDC_EXCHANGE_CODE_TTL_SECONDS, VneidErrors } from '@dvc/contracts';
import { hashOpaqueToken, newOpaqueToken } from '../tokens/opaque-token';

const keyOf = (code: string) => `oidc:exchange:${hashOpaqueToken(code)}`;

/**
 * The one-time code the portal gets after a VNeID login: 256-bit random, stored hashed in
 * Redis for 60 s, taken out by the first exchange (GETDEL), so it works once.
 */
@Injectable()
export class ExchangeCodes {
  constructor(private readonly redis: Redis) {}

  async issue(accountId: string): Promise<string> {
    const code = newOpaqueToken();
    await this.redis.set(keyOf(code), accountId, 'EX', OIDC_EXCHANGE_CODE_TTL_SECONDS);
    return code;
  }

  /** The account the code was issued for; 400 when unknown, expired or used. */
  async consume(code: string): Promise<string> {
    const accountId = await this.redis.getdel(keyOf(code));
    if (accountId === null) throw new DomainError(VneidErrors.codeInvalid);
    return accountId;
  }
}
