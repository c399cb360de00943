import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError, VneidErrors } from '@dvc/contracts';
import type { LoginChecks } from './vneid-relying-party';

/** A login started must come back within this time (VNeID's own form included). */
export const PENDING_LOGIN_TTL_SECONDS = 600;

export interface PendingLogin extends LoginChecks {
  returnTo: string;
  /** Set when a signed-in account started the login to link VNeID to itself. */
  linkAccountId?: string;
}

interface Stored extends PendingLogin {
  browserHash: string;
}

const keyOf = (state: string) => `oidc:pending:${createHash('sha256').update(state).digest('hex')}`;
const hashOf = (browserKey: string) => createHash('sha256').update(browserKey).digest();

const invalidState = () => new DomainError(VneidErrors.stateInvalid);

/**
 * Logins between the start and VNeID's callback, in Redis: state, nonce and PKCE verifier,
 * bound to the browser that started (a random key in an HttpOnly cookie, stored hashed), for
 * 10 min and taken out by the first callback (GETDEL), so a state works once.
 */
@Injectable()
export class PendingLogins {
  constructor(private readonly redis: Redis) {}

  /** Stores the login; answers the browser key to set as a cookie. */
  async begin(login: PendingLogin): Promise<string> {
    const browserKey = randomBytes(32).toString('base64url');
    const stored: Stored = { ...login, browserHash: hashOf(browserKey).toString('hex') };
    await this.redis.set(
      keyOf(login.state),
      JSON.stringify(stored),
      'EX',
      PENDING_LOGIN_TTL_SECONDS,
    );
    return browserKey;
  }

  /** The login of this state, if this browser started it; 400 otherwise (and it is spent). */
  async take(state: string | undefined, browserKey: string | undefined): Promise<PendingLogin> {
    if (!state || state.length > 200 || !browserKey) throw invalidState();
    const raw = await this.redis.getdel(keyOf(state));
    if (raw === null) throw invalidState();
    const { browserHash, ...login } = JSON.parse(raw) as Stored;
    const expected = Buffer.from(browserHash, 'hex');
    const presented = hashOf(browserKey);
    if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) {
      throw invalidState();
    }
    return login;
  }
}
