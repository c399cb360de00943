import { Injectable } from '@nestjs/common';
import {
  Events,
  OIDC_EXCHANGE_CODE_TTL_SECONDS,
  OidcExchangeDto,
  TokenPair,
  VneidIdentityDto,
  VneidErrors,
  VneidLinkDto,
  VneidLinkedView,
  VneidSignInView,
  DomainError,
} from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import type { RequestContext, Tx } from '@dvc/messaging';
import { EntityManager } from 'typeorm';
import { AccountLockedError } from '../accounts/account.errors';
import { Account, mailboxOf, normalizeEmail } from '../accounts/accounts.dto';
import { AccountsRepository } from '../accounts/accounts.repository';
import { SessionsService } from '../sessions/sessions.service';
import { ExchangeCodes } from './exchange-codes';
import { VneidLinksRepository } from './vneid-links.repository';

const alreadyLinked = () => new DomainError(VneidErrors.alreadyLinked);

/** `*********001`: enough for its holder to recognise the number, not to learn it. */
export const maskIdNumber = (idNumber: string) =>
  '*'.repeat(Math.max(0, idNumber.length - 3)) + idNumber.slice(-3);

/**
 * Đăng nhập bằng VNeID: the gateway verified the ID token; here the person becomes an account.
 *
 * VNeID proves who holds an ID number; a number typed in at registration or on the profile
 * proves nothing. So a VNeID login never enters an account on the strength of a matching
 * declared number: whoever declared a victim's number first would receive the victim's VNeID
 * logins and, with them, the victim's dossiers (account pre-hijacking). A VNeID
 * identity signs in to the account it is linked to, or to a new verified account; an existing
 * account is linked only from inside it (`link`, started while signed in). Either way the
 * proven number then belongs to that account alone: other accounts that declared it lose it
 * and their holders are told by email.
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

      await this.assertNumberUnproven(manager, identity.idNumber);
      const created = await this.createFrom(manager, identity);
      await this.linkProven({ manager, publish }, created, identity, true);
      return created;
    });
    if (!account || account.status === 'locked') throw new AccountLockedError();
    return {
      code: await this.codes.issue(account.id),
      expiresIn: OIDC_EXCHANGE_CODE_TTL_SECONDS,
    };
  }

  /**
   * Links an existing account whose holder proved it by being signed in when the link
   * started. Only an active account, not linked yet, to an identity not linked yet.
   */
  async link(input: VneidLinkDto, ctx: RequestContext): Promise<VneidLinkedView> {
    return this.uow.run(ctx.correlationId, async ({ manager, publish }) => {
      await this.assertNumberUnproven(manager, input.identity.idNumber);
      const account = await this.accounts.findByIdForUpdate(manager, input.accountId);
      if (!account || account.status !== 'active') {
        throw new DomainError(VneidErrors.linkNotAllowed);
      }
      if (account.vneidLinkedAt) throw alreadyLinked();
      if (await this.links.findBySubject(manager, input.identity.subject)) throw alreadyLinked();
      const linkedAt = await this.linkProven({ manager, publish }, account, input.identity, false);
      return { linkedAt: linkedAt.toISOString() };
    });
  }

  async exchange(input: OidcExchangeDto, ctx: RequestContext): Promise<TokenPair> {
    const accountId = await this.codes.consume(input.code);
    const account = await this.accounts.findById(accountId);
    if (!account || account.status === 'locked') throw new AccountLockedError();
    return this.sessions.openSession(account, ctx);
  }

  /** Locks the accounts holding the number; one whose VNeID proved it already keeps it (409). */
  private async assertNumberUnproven(manager: EntityManager, idNumber: string): Promise<void> {
    const holders = await this.accounts.findByIdNumber(manager, idNumber);
    if (holders.some((h) => h.vneidLinkedAt !== null)) throw alreadyLinked();
  }

  /** The link, the proven number on the account, and the number taken off those who only declared it. */
  private async linkProven(
    { manager, publish }: Tx,
    account: Account,
    identity: VneidIdentityDto,
    created: boolean,
  ): Promise<Date> {
    const linked = await this.links.insert(manager, {
      accountId: account.id,
      subject: identity.subject,
      idNumber: identity.idNumber,
    });
    if (!linked) throw alreadyLinked();
    await this.accounts.setIdNumber(manager, account.id, identity.idNumber);
    if (identity.address) await this.accounts.fillAddress(manager, account.id, identity.address);
    const released = await this.accounts.releaseIdNumber(manager, identity.idNumber, account.id);
    for (const other of released) {
      if (other.email === null) continue;
      await publish({
        type: Events.idNumberReleased,
        data: {
          accountId: other.id,
          email: mailboxOf(other),
          fullName: other.fullName,
          locale: other.locale,
          maskedIdNumber: maskIdNumber(identity.idNumber),
        },
      });
    }
    await publish({
      type: Events.accountVneidLinked,
      data: { accountId: account.id, created, linkedAt: linked.linkedAt.toISOString() },
    });
    return linked.linkedAt;
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
      address: identity.address ?? null,
      locale: 'vi',
      status: 'active',
      roles: ['citizen'],
    });
  }
}
