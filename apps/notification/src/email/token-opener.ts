import { Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { SealedToken, emailTokenPrivateKey, openToken } from '@dvc/contracts';
import { NotificationConfig } from '../notification.config';

/**
 * Opens the sealed single-use tokens of activation and reset emails with the private key only
 * this service holds, at the moment the email is sent (the opened token is never stored).
 */
@Injectable()
export class TokenOpener {
  private readonly key: KeyObject;

  constructor(config: NotificationConfig) {
    this.key = emailTokenPrivateKey(config.EMAIL_TOKEN_PRIVATE_KEY);
  }

  open(sealed: SealedToken): string {
    return openToken(this.key, sealed);
  }
}
