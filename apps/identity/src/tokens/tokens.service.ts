import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityErrors, DomainError } from '@dvc/contracts';
import { IdentityConfig } from '../identity.config';
import { hashOpaqueToken, newOpaqueToken } from './opaque-token';
import { EmailTokenPurpose, IssuedEmailToken, emailTokenProblem } from './tokens.dto';
import { TokenSeal } from './token-seal';
import { EmailTokensRepository } from './tokens.repository';

/**
 * Activation and reset links (docs/design.md §9): 256-bit random, only the SHA-256 stored,
 * single use, activation ≤ 24 h and reset ≤ 30 min; the raw token leaves only sealed.
 * Errors say what is wrong with the link, never anything about the account behind it.
 */
@Injectable()
export class EmailTokensService {
  constructor(
    private readonly config: IdentityConfig,
    private readonly tokens: EmailTokensRepository,
    private readonly seal: TokenSeal,
  ) {}

  async issue(
    manager: EntityManager,
    accountId: string,
    purpose: EmailTokenPurpose,
  ): Promise<IssuedEmailToken> {
    const token = newOpaqueToken();
    const expiresAt = new Date(Date.now() + this.lifetimeMs(purpose));
    await this.tokens.retireUnused(manager, accountId, purpose);
    await this.tokens.insert(manager, {
      accountId,
      purpose,
      tokenHash: hashOpaqueToken(token),
      expiresAt,
    });
    return { sealedToken: this.seal.seal(token), expiresAt };
  }

  /** The account's unused links of this purpose stop working. */
  async retire(manager: EntityManager, accountId: string, purpose: EmailTokenPurpose) {
    await this.tokens.retireUnused(manager, accountId, purpose);
  }

  /**
   * An activation link: its account id, with `spent` when the link was used or replaced
   * (the caller says "already active" when the account is); unknown or expired links throw.
   */
  async consumeActivation(
    manager: EntityManager,
    token: string,
  ): Promise<{ accountId: string; spent: boolean }> {
    const row = await this.tokens.findForUpdate(manager, 'activation', hashOpaqueToken(token));
    if (!row) throw new DomainError(IdentityErrors.tokenInvalid);
    const problem = emailTokenProblem(row, new Date());
    if (problem === 'used') return { accountId: row.accountId, spent: true };
    if (problem === 'expired') throw new DomainError(IdentityErrors.tokenExpired);
    await this.tokens.markUsed(manager, row.id);
    return { accountId: row.accountId, spent: false };
  }

  /** Marks the token used and returns its account id, or throws the reason it cannot be used. */
  async consume(
    manager: EntityManager,
    purpose: EmailTokenPurpose,
    token: string,
  ): Promise<string> {
    const row = await this.tokens.findForUpdate(manager, purpose, hashOpaqueToken(token));
    if (!row) throw new DomainError(IdentityErrors.tokenInvalid);
    const problem = emailTokenProblem(row, new Date());
    if (problem === 'used') throw new DomainError(IdentityErrors.tokenUsed);
    if (problem === 'expired') throw new DomainError(IdentityErrors.tokenExpired);
    await this.tokens.markUsed(manager, row.id);
    return row.accountId;
  }

  private lifetimeMs(purpose: EmailTokenPurpose): number {
    return purpose === 'activation'
      ? this.config.ACTIVATION_TTL_HOURS * 3_600_000
      : this.config.RESET_TTL_MINUTES * 60_000;
  }
}
