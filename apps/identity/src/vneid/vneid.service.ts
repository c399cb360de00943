import { Injectable } from '@nestjs/common';
import {
  Events,
  OIDC_EXCHANGE_CODE_TTL_SECONDS,
  OidcExchangeDto,
  TokenPair,
  VneidIdentityDto,
  VneidErrors,
  VneidSignInView,
  DomainError,
} from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import type { RequestContext } from '@dvc/messaging';
import { EntityManager } from 'typeorm';
import { AccountLockedError } from '../accounts/account.errors';
import { Account, normalizeEmail } from '../accounts/accounts.dto';
import { AccountsRepository } from '../accounts/accounts.repository';
import { SessionsService } from '../sessions/sessions.service';
import { ExchangeCodes } from './exchange-codes';
import { VneidLinksRepository } from './vneid-links.repository';

const alreadyLinked = () => new DomainError(VneidErrors.alreadyLinked);
const ambiguous = () => new DomainError(VneidErrors.ambiguous);

/**
 * Đăng nhập bằng VNeID: the gateway verified the ID token; here the person becomes an account.
 * A VNeID identity already linked signs in to its account; otherwise it is linked to the one
 * account holding the same ID number, or a verified account without a password is created.
 * Linking an account twice, or one identity to two accounts, is refused.
 */
@Injectable()
export class VneidService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accounts: AccountsRepository,
    private readonly links: VneidLinksRepository,
    private readonly sessions: SessionsService,
    private readonly codes: ExchangeCodes,
  ) {}

  async signIn(identity: VneidIdentityDto, ctx: RequestContext): Promise<VneidSignInView> {
    const account = await this.uow.run(ctx.correlationId, async ({ manager, publish }) => {
      const link = await this.links.findBySubject(manager, identity.subject);
      if (link) return this.accounts.findById(link.accountId, manager);

      const holders = await this.accounts.findByIdNumber(manager, identity.idNumber);
      if (holders.length > 1) throw ambiguous();
      const existing = holders[0] ?? null;
      if (existing?.vneidLinkedAt) throw alreadyLinked();
      const target = existing ?? (await this.createFrom(manager, identity));
      const linked = await this.links.insert(manager, {
        accountId: target.id,
        subject: identity.subject,
        idNumber: identity.idNumber,
      });
      if (!linked) throw alreadyLinked();
      await publish({
        type: Events.accountVneidLinked,
        data: {
          accountId: target.id,
          created: existing === null,
          linkedAt: linked.linkedAt.toISOString(),
        },
      });
      return target;
    });
    if (!account || account.status === 'locked') throw new AccountLockedError();
    return {
      code: await this.codes.issue(account.id),
      expiresIn: OIDC_EXCHANGE_CODE_TTL_SECONDS,
    };
  }

  async exchange(input: OidcExchangeDto, ctx: RequestContext): Promise<TokenPair> {
    const accountId = await this.codes.consume(input.code);
    const account = await this.accounts.findById(accountId);
    if (!account || account.status === 'locked') throw new AccountLockedError();
    return this.sessions.openSession(account, ctx);
  }

  /** A verified account from what VNeID says; the email only when no account has it yet. */
  private async createFrom(manager: EntityManager, identity: VneidIdentityDto): Promise<Account> {
    const email = identity.email ? normalizeEmail(identity.email) : null;
    const emailFree = email !== null && !(await this.accounts.findByEmail(email, manager));
    return this.accounts.insert(manager, {
      email: emailFree ? email : null,
      passwordHash: null,
      fullName: identity.fullName,
      phone: identity.phone ?? null,
      idNumber: identity.idNumber,
      birthDate: identity.birthDate ?? null,
      locale: 'vi',
      status: 'active',
      roles: ['citizen'],
    });
  }
}
