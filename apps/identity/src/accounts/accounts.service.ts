import { Injectable } from '@nestjs/common';
import {
  AccountContactView,
  AgencyOfficersView,
  ActivationView,
  Caller,
  Events,
  ProfileView,
  RegisterDto,
  RegistrationAcceptedView,
  ResendActivationDto,
  TokenDto,
  UpdateProfileDto,
  IdentityErrors,
  RequestErrors,
  DomainError,
  VneidErrors,
} from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import { PasswordHasher } from '../passwords/password-hasher';
import { assertAcceptablePassword } from '../passwords/password-policy';
import type { RequestContext } from '@dvc/messaging';
import { EmailTokensService } from '../tokens/tokens.service';
import { CaptchaService } from '../captcha/captcha.service';
import { PasswordLinks } from '../passwords/password-links';
import {
  ProfileChanges,
  ACTIVATION_RESENT,
  REGISTRATION_ACCEPTED,
  mailboxOf,
  mapProfile,
  normalizeEmail,
} from './accounts.dto';
import { AccountsRepository, EmailTakenError } from './accounts.repository';

/** Registration, activation and the profile ("thông tin tài khoản") of citizens and officers. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accounts: AccountsRepository,
    private readonly tokens: EmailTokensService,
    private readonly hasher: PasswordHasher,
    private readonly captcha: CaptchaService,
    private readonly passwordLinks: PasswordLinks,
  ) {}

  /**
   * A new citizen account, pending until its email is confirmed; the same answer whether the
   * address is new or not, past the field rules and the captcha (so it cannot be asked in
   * bulk). A new address gets
   * the activation link (its token sealed inside `identity.account.registered`), an existing
   * account's holder an `identity.account.registration_attempted` warning, and nothing about
   * the existing account changes. A pending account's mailbox gets the link to set its password
   * and activate it instead (the first activation email was probably lost); the password of
   * this second registration is not kept, since whoever sent it may not hold the mailbox.
   */
  async register(input: RegisterDto, ctx: RequestContext): Promise<RegistrationAcceptedView> {
    const email = normalizeEmail(input.email);
    const fullName = requiredName(input.fullName);
    assertAcceptablePassword(input.password, email);
    await this.captcha.consume(input.captchaId, input.captchaAnswer);
    // Hashed whatever happens next, so an existing address does not answer faster.
    const passwordHash = await this.hasher.hash(input.password);

    const created =
      !(await this.accounts.findByEmail(email)) &&
      (await this.createPending(input, { email, fullName, passwordHash }, ctx));
    if (!created) await this.warnHolder(email, ctx);
    return REGISTRATION_ACCEPTED;
  }

  /** The account and its activation event; false when the address was taken meanwhile. */
  private async createPending(
    input: RegisterDto,
    account: { email: string; fullName: string; passwordHash: string },
    ctx: RequestContext,
  ): Promise<boolean> {
    try {
      await this.uow.run(ctx.correlationId, async ({ manager, publish }) => {
        const created = await this.accounts.insert(manager, {
          ...account,
          phone: input.phone ?? null,
          idNumber: input.idNumber ?? null,
          locale: input.locale ?? 'vi',
          status: 'pending',
          roles: ['citizen'],
        });
        const activation = await this.tokens.issue(manager, created.id, 'activation');
        await publish({
          type: Events.accountRegistered,
          data: {
            accountId: created.id,
            email: mailboxOf(created),
            fullName: created.fullName,
            locale: created.locale,
            sealedToken: activation.sealedToken,
            expiresAt: activation.expiresAt.toISOString(),
          },
        });
      });
      return true;
    } catch (err) {
      if (err instanceof EmailTakenError) return false;
      throw err;
    }
  }

  private async warnHolder(email: string, ctx: RequestContext): Promise<void> {
    const existing = await this.accounts.findByEmail(email);
    if (existing?.status === 'pending') return this.passwordLinks.send(existing, ctx);
    await this.uow.run(ctx.correlationId, async ({ manager, publish }) => {
      const account = await this.accounts.findByEmail(email, manager);
      if (!account) return;
      await publish({
        type: Events.registrationAttempted,
        data: {
          accountId: account.id,
          email: mailboxOf(account),
          fullName: account.fullName,
          locale: account.locale,
        },
      });
    });
  }

  /**
   * "Gửi lại email kích hoạt": captcha first, then always the same answer. A pending account's
   * mailbox gets the link that sets its password and activates it (PasswordLinks says why not
   * the old activation link); other addresses get nothing.
   */
  async resendActivation(
    input: ResendActivationDto,
    ctx: RequestContext,
  ): Promise<RegistrationAcceptedView> {
    await this.captcha.consume(input.captchaId, input.captchaAnswer);
    const account = await this.accounts.findByEmail(normalizeEmail(input.email));
    if (account?.status === 'pending') await this.passwordLinks.send(account, ctx);
    return ACTIVATION_RESENT;
  }

  /**
   * A used (or replaced) link of an account that is active now answers "already active": the
   * person most likely opened the email twice. On a pending or locked account it stays refused.
   */
  async activate(input: TokenDto, ctx: RequestContext): Promise<ActivationView> {
    return this.uow.run(ctx.correlationId, async ({ manager, publish }) => {
      const { accountId, spent } = await this.tokens.consumeActivation(manager, input.token);
      if (spent) {
        const holder = await this.accounts.findById(accountId, manager);
        if (holder?.status !== 'active') throw new DomainError(IdentityErrors.tokenUsed);
        return { activated: true, alreadyActive: true };
      }
      const account = await this.accounts.activate(manager, accountId);
      // Not pending any more (activated or locked meanwhile): the link is spent, nothing else changes.
      if (account) {
        await publish({
          type: Events.accountActivated,
          data: {
            accountId: account.id,
            email: mailboxOf(account),
            fullName: account.fullName,
            locale: account.locale,
          },
        });
      }
      return { activated: true, alreadyActive: false };
    });
  }

  async getProfile(caller: Caller): Promise<ProfileView> {
    const account = await this.accounts.findById(caller.accountId);
    if (!account) throw accountNotFound();
    return mapProfile(account, await this.accounts.agenciesOf(account.id));
  }

  /**
   * How to reach an account holder, for another service (the notification service mails
   * citizens about their dossiers). Never for a signed-in user: the gateway always sends a
   * caller, so no HTTP route can read someone else's address through this.
   */
  async contactOf(caller: Caller | null, accountId: string): Promise<AccountContactView> {
    if (caller !== null) {
      throw new DomainError(IdentityErrors.serviceOnly);
    }
    const account = await this.accounts.findById(accountId);
    if (!account) throw accountNotFound();
    return {
      accountId: account.id,
      email: account.email,
      fullName: account.fullName,
      locale: account.locale,
      phone: account.phone,
    };
  }

  /** The agency's active officers, to tell them about its dossiers (services only). */
  async officersOf(caller: Caller | null, agencyCode: string): Promise<AgencyOfficersView> {
    if (caller !== null) {
      throw new DomainError(IdentityErrors.serviceOnly);
    }
    return { accountIds: await this.accounts.activeOfficersOf(agencyCode) };
  }

  async updateProfile(caller: Caller, input: UpdateProfileDto): Promise<ProfileView> {
    const changes: ProfileChanges = {};
    if (input.idNumber !== undefined) {
      const current = await this.accounts.findById(caller.accountId);
      // The number VNeID proved stays: it is what the account's VNeID logins vouch for.
      if (current?.vneidLinkedAt && (input.idNumber ?? null) !== current.idNumber) {
        throw new DomainError(VneidErrors.idNumberVerified);
      }
    }
    // class-validator lets null through @IsOptional: null clears an optional field, and is ignored for required ones.
    if (typeof input.fullName === 'string') changes.fullName = requiredName(input.fullName);
    if (input.phone !== undefined) changes.phone = input.phone ?? null;
    if (input.idNumber !== undefined) changes.idNumber = input.idNumber ?? null;
    // Trimmed by the DTO: an empty address, like null, clears it.
    if (input.address !== undefined) changes.address = input.address || null;
    if (typeof input.locale === 'string') changes.locale = input.locale;
    const account = await this.accounts.updateProfile(caller.accountId, changes);
    if (!account) throw accountNotFound();
    return mapProfile(account, await this.accounts.agenciesOf(account.id));
  }
}

function requiredName(fullName: string): string {
  const name = fullName.trim().replace(/\s+/g, ' ');
  if (name === '') {
    throw new DomainError(RequestErrors.validationFailed, {
      errors: [{ field: 'fullName', message: 'Họ và tên không được để trống' }],
    });
  }
  return name;
}

const accountNotFound = () => new DomainError(IdentityErrors.accountNotFound);
