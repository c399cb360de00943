import { Injectable } from '@nestjs/common';
import {
  Caller,
  ChangePasswordDto,
  Events,
  ForgotPasswordDto,
  ResetPasswordDto,
  IdentityErrors,
  DomainError,
  PasswordChangedView,
  ResetRequestedView,
} from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import { mailboxOf, normalizeEmail } from '../accounts/accounts.dto';
import { AccountsRepository } from '../accounts/accounts.repository';
import { CaptchaService } from '../captcha/captcha.service';
import type { RequestContext } from '@dvc/messaging';
import { SessionsService } from '../sessions/sessions.service';
import { LoginThrottle } from '../throttling/login-throttle.service';
import { EmailTokensService } from '../tokens/tokens.service';
import { PasswordHasher } from './password-hasher';
import { PasswordLinks } from './password-links';
import { assertAcceptablePassword } from './password-policy';
import { RESET_REQUESTED } from './passwords.dto';

/** Changing a known password, and recovering a forgotten one through the mailbox. */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accounts: AccountsRepository,
    private readonly tokens: EmailTokensService,
    private readonly hasher: PasswordHasher,
    private readonly captcha: CaptchaService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly passwordLinks: PasswordLinks,
  ) {}

  /**
   * Needs the current password (a stolen access token alone is not enough, and guesses
   * count against the same throttle as logins). Every other session ends; the caller's own
   * (`caller.sessionId`) stays when the gateway passes it.
   */
  async change(
    caller: Caller,
    input: ChangePasswordDto,
    ctx: RequestContext,
  ): Promise<PasswordChangedView> {
    const account = await this.accounts.findById(caller.accountId);
    if (!account) throw new DomainError(IdentityErrors.accountNotFound);
    const email = mailboxOf(account);
    const subject = { email, ip: ctx.ip };
    // Signed in already: the captcha of an account under attack is not asked here.
    await this.throttle.check(subject);
    if (
      account.passwordHash === null ||
      !(await this.hasher.verify(account.passwordHash, input.currentPassword))
    ) {
      await this.throttle.recordFailure(subject);
      throw new DomainError(IdentityErrors.currentPasswordInvalid, {
        errors: [{ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng' }],
      });
    }
    assertAcceptablePassword(input.newPassword, email);
    const passwordHash = await this.hasher.hash(input.newPassword);

    await this.uow.run(ctx.correlationId, async ({ manager, publish }) => {
      await this.accounts.updatePasswordHash(account.id, passwordHash, manager);
      await this.sessions.revokeAllOf(
        manager,
        account.id,
        'password_change',
        caller.sessionId ?? null,
      );
      await publish({
        type: Events.passwordChanged,
        data: {
          accountId: account.id,
          email,
          fullName: account.fullName,
          locale: account.locale,
          via: 'change',
        },
      });
    });
    return { changed: true };
  }

  /**
   * Captcha first (wrong or reused: 400), then always the same answer. An active account gets
   * a reset link; a pending one the link that sets its password and activates it (its
   * activation email was lost). PasswordLinks sends at most one a minute.
   */
  async requestReset(input: ForgotPasswordDto, ctx: RequestContext): Promise<ResetRequestedView> {
    await this.captcha.consume(input.captchaId, input.captchaAnswer);
    const account = await this.accounts.findByEmail(normalizeEmail(input.email));
    if (account) await this.passwordLinks.send(account, ctx);
    return RESET_REQUESTED;
  }

  /** Sets a new password from a reset link: the link is spent and every session ends. */
  async reset(input: ResetPasswordDto, ctx: RequestContext): Promise<PasswordChangedView> {
    const email: string = await this.uow.run(ctx.correlationId, async ({ manager, publish }) => {
      const accountId = await this.tokens.consume(manager, 'reset', input.token);
      const account = await this.accounts.findByIdForUpdate(manager, accountId);
      if (!account) throw new DomainError(IdentityErrors.tokenInvalid);
      const email = mailboxOf(account);
      // A refused password rolls the transaction back: the link stays usable for another try.
      assertAcceptablePassword(input.newPassword, email);
      await this.accounts.updatePasswordHash(
        account.id,
        await this.hasher.hash(input.newPassword),
        manager,
      );
      await this.sessions.revokeAllOf(manager, account.id, 'password_reset');
      // A pending account's mailbox holder just chose its password: that activates it.
      if (account.status === 'pending') {
        await this.accounts.activate(manager, account.id);
        await this.tokens.retire(manager, account.id, 'activation');
        await publish({
          type: Events.accountActivated,
          data: {
            accountId: account.id,
            email,
            fullName: account.fullName,
            locale: account.locale,
          },
        });
      }
      await publish({
        type: Events.passwordChanged,
        data: {
          accountId: account.id,
          email,
          fullName: account.fullName,
          locale: account.locale,
          via: 'reset',
        },
      });
      return email;
    });
    // Whoever reset it holds the mailbox: guessed logins no longer hold it back.
    await this.throttle.release({ email, ip: ctx.ip });
    return { changed: true };
  }
}
