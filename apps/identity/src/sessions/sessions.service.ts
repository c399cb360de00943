import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from 'typeorm';
import {
  AccessTokenClaims,
  Caller,
  LoggedOutView,
  LoginDto,
  RefreshDto,
  TokenPair,
  AuthErrors,
  RequestErrors,
  DomainError,
} from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import { AccountLockedError, AccountNotActivatedError } from '../accounts/account.errors';
import { Account, normalizeEmail } from '../accounts/accounts.dto';
import { AccountsRepository } from '../accounts/accounts.repository';
import { CaptchaService } from '../captcha/captcha.service';
import { IdentityConfig } from '../identity.config';
import { PasswordHasher } from '../passwords/password-hasher';
import type { RequestContext } from '@dvc/messaging';
import { LoginSubject, LoginThrottle } from '../throttling/login-throttle.service';
import { hashOpaqueToken, newOpaqueToken } from '../tokens/opaque-token';
import { SessionRevocations } from './session-revocations';
import {
  SessionEndReason,
  isSessionId,
  mapTokenPair,
  refreshTokenExpiry,
  refreshVerdict,
} from './sessions.dto';
import { SessionsRepository } from './sessions.repository';

const invalidCredentials = () => new DomainError(AuthErrors.invalidCredentials);
const captchaNeeded = () => new DomainError(AuthErrors.captchaRequired);
const invalidRefresh = () => new DomainError(AuthErrors.invalidRefresh);

/**
 * Login, refresh-token rotation and logout (docs/design.md §9). A session is a refresh-token
 * family: its id is the access token's `sid`; each refresh uses up one opaque token and
 * hands out the next; a used one coming back ends the whole family.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    private readonly config: IdentityConfig,
    private readonly uow: UnitOfWork,
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsRepository,
    private readonly revocations: SessionRevocations,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly captcha: CaptchaService,
    private readonly jwt: JwtService,
  ) {}

  async login(input: LoginDto, ctx: RequestContext): Promise<TokenPair> {
    const email = normalizeEmail(input.email);
    const subject = { email, ip: ctx.ip };
    const { captchaRequired } = await this.throttle.check(subject);
    if (captchaRequired) await this.passCaptcha(input, subject);

    const account = await this.accounts.findByEmail(email);
    const passwordMatches = account?.passwordHash
      ? await this.hasher.verify(account.passwordHash, input.password)
      : await this.hasher.verifyNobody(input.password);
    if (!account || !passwordMatches) {
      await this.throttle.recordFailure(subject);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(subject);

    // Only someone who knows the password learns the account's state.
    if (account.status === 'pending') throw new AccountNotActivatedError();
    if (account.status === 'locked') throw new AccountLockedError();
    await this.upgradeHash(account, input.password);

    return this.openSession(account, ctx);
  }

  /** A new session (refresh-token family) of an account that proved who it is. */
  async openSession(account: Account, ctx: RequestContext): Promise<TokenPair> {
    const refreshToken = newOpaqueToken();
    const now = new Date();
    const sessionEnd = new Date(now.getTime() + this.config.SESSION_MAX_AGE_DAYS * 86_400_000);
    const sessionId = await this.uow.run(ctx.correlationId, async ({ manager }) => {
      const id = await this.sessions.create(manager, {
        accountId: account.id,
        ip: ctx.ip,
        expiresAt: sessionEnd,
      });
      await this.sessions.addRefreshToken(manager, {
        tokenHash: hashOpaqueToken(refreshToken),
        sessionId: id,
        expiresAt: refreshTokenExpiry(now, this.config.REFRESH_TOKEN_TTL_DAYS, sessionEnd),
      });
      return id;
    });
    return mapTokenPair(
      await this.accessToken(account, sessionId),
      refreshToken,
      this.config.ACCESS_TOKEN_TTL_SECONDS,
    );
  }

  async refresh(input: RefreshDto, ctx: RequestContext): Promise<TokenPair> {
    const presentedHash = hashOpaqueToken(input.refreshToken);
    const nextToken = newOpaqueToken();
    const outcome = await this.uow.run(ctx.correlationId, async ({ manager }) => {
      const token = await this.sessions.findRefreshTokenForUpdate(manager, presentedHash);
      if (!token) return { kind: 'invalid' as const };
      const now = new Date();
      const verdict = refreshVerdict(token, now);
      if (verdict === 'reused') {
        await this.revoke(manager, token.accountId, [token.sessionId], 'refresh_reuse');
        this.logger.warn(`refresh token reused: session ${token.sessionId} revoked`);
        return { kind: 'reused' as const };
      }
      if (verdict !== 'valid') return { kind: verdict };

      const account = await this.accounts.findById(token.accountId, manager);
      if (!account || account.status !== 'active') {
        await this.revoke(manager, token.accountId, [token.sessionId], 'account_locked');
        return { kind: 'locked' as const };
      }
      await this.sessions.markRefreshTokenUsed(manager, presentedHash);
      await this.sessions.addRefreshToken(manager, {
        tokenHash: hashOpaqueToken(nextToken),
        sessionId: token.sessionId,
        expiresAt: refreshTokenExpiry(
          now,
          this.config.REFRESH_TOKEN_TTL_DAYS,
          token.sessionExpiresAt,
        ),
      });
      await this.sessions.touch(manager, token.sessionId);
      return { kind: 'rotated' as const, account, sessionId: token.sessionId };
    });

    switch (outcome.kind) {
      case 'rotated':
        return mapTokenPair(
          await this.accessToken(outcome.account, outcome.sessionId),
          nextToken,
          this.config.ACCESS_TOKEN_TTL_SECONDS,
        );
      case 'reused':
        throw new DomainError(AuthErrors.refreshReused);
      case 'expired':
        throw new DomainError(AuthErrors.refreshExpired);
      case 'locked':
        throw new AccountLockedError();
      case 'invalid':
      case 'revoked':
        throw invalidRefresh();
    }
  }

  /**
   * Ends the session of the given refresh token and/or the caller's current session.
   * Idempotent: an unknown or already ended session is simply gone.
   */
  async logout(
    caller: Caller | null,
    input: Partial<RefreshDto>,
    ctx: RequestContext,
  ): Promise<LoggedOutView> {
    const targets: { accountId: string; sessionId: string }[] = [];
    if (input.refreshToken) {
      const owner = await this.sessions.findSessionOfRefreshToken(
        hashOpaqueToken(input.refreshToken),
      );
      // Someone else's token is not the caller's to end (and the answer does not say so).
      if (owner && (!caller || owner.accountId === caller.accountId)) targets.push(owner);
    } else if (!caller) {
      throw new DomainError(RequestErrors.validationFailed, {
        errors: [{ field: 'refreshToken', message: 'refreshToken should not be empty' }],
      });
    }
    if (caller && isSessionId(caller.sessionId))
      targets.push({ accountId: caller.accountId, sessionId: caller.sessionId });

    if (targets.length > 0) {
      await this.uow.run(ctx.correlationId, async ({ manager }) => {
        for (const t of targets) await this.revoke(manager, t.accountId, [t.sessionId], 'logout');
      });
    }
    return { ok: true };
  }

  /**
   * Ends every session of an account but `keep` (the caller's own, when a password change
   * comes from a live session), inside the caller's transaction.
   */
  async revokeAllOf(
    manager: EntityManager,
    accountId: string,
    reason: SessionEndReason,
    keep: string | null = null,
  ): Promise<string[]> {
    const ended = await this.sessions.revokeAllOf(
      manager,
      accountId,
      reason,
      isSessionId(keep) ? keep : null,
    );
    await this.revocations.mark(ended);
    return ended;
  }

  /** An account under attack: no captcha, or a wrong one, is a failed attempt like a wrong password. */
  private async passCaptcha(input: LoginDto, subject: LoginSubject): Promise<void> {
    try {
      if (!input.captchaId || !input.captchaAnswer) throw captchaNeeded();
      await this.captcha.consume(input.captchaId, input.captchaAnswer);
    } catch (err) {
      await this.throttle.recordFailure(subject);
      throw err;
    }
  }

  private async revoke(
    manager: EntityManager,
    accountId: string,
    sessionIds: string[],
    reason: SessionEndReason,
  ) {
    const ended = await this.sessions.revoke(
      manager,
      accountId,
      sessionIds.filter(isSessionId),
      reason,
    );
    await this.revocations.mark(ended);
  }

  private async accessToken(account: Account, sessionId: string): Promise<string> {
    const claims: AccessTokenClaims = {
      sub: account.id,
      roles: account.roles,
      agencies: await this.accounts.agenciesOf(account.id),
      sid: sessionId,
    };
    return this.jwt.signAsync(claims);
  }

  /** Stored hashes made with weaker argon2 parameters are replaced at the next good login. */
  private async upgradeHash(account: Account, password: string): Promise<void> {
    if (account.passwordHash === null || !this.hasher.isOutdated(account.passwordHash)) return;
    await this.accounts.replacePasswordHash(
      account.id,
      account.passwordHash,
      await this.hasher.hash(password),
    );
  }
}
