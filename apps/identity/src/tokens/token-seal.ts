import { Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { SealedToken, emailTokenPublicKey, sealToken } from '@dvc/contracts';
import { IdentityConfig } from '../identity.config';

/**
 * Seals a fresh email token to the notification service's public key: identity cannot open
 * it again, the outbox row and the broker message carry only the sealed value.
 */
@Injectable()
export class TokenSeal {
  private readonly key: KeyObject;

  constructor(config: IdentityConfig) {
    this.key = emailTokenPublicKey(config.EMAIL_TOKEN_PUBLIC_KEY);
  }

  seal(token: string): SealedToken {
    return sealToken(this.key, token);
  }
}
