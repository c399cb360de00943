import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { Events } from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import type { RequestContext } from '@dvc/messaging';
import { Account, mailboxOf } from '../accounts/accounts.dto';
import { EmailTokensService } from '../tokens/tokens.service';

/** One link per account per minute, however often it is asked for (mailbox flooding). */
export const PASSWORD_LINK_INTERVAL_SECONDS = 60;

/**
 * The link that lets the holder of a mailbox choose the account's password: "Quên mật khẩu"
 * for an active account, and for a pending one the way to activate it when the activation
 * email was lost ("Gửi lại email kích hoạt", a second registration, "Quên mật khẩu").
 *
 * A pending account is activated only by a password its mailbox holder set, or by the
 * activation link of its own registration: resending that link would activate whatever
 * password the first registrant chose (someone else, maybe), so what is sent again is this
 * link, and the older activation links stop working.
 */
@Injectable()
export class PasswordLinks {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: EmailTokensService,
    private readonly redis: Redis,
  ) {}

  /** Sends the link unless the account had one within the last minute; locked accounts get none. */
  async send(account: Account, ctx: RequestContext): Promise<void> {
    if (account.status === 'locked' || account.email === null) return;
    const fresh = await this.redis.set(
      `password-link:${account.id}`,
      '1',
      'EX',
      PASSWORD_LINK_INTERVAL_SECONDS,
      'NX',
    );
    if (fresh === null) return;
    const activates = account.status === 'pending';
    await this.uow.run(ctx.correlationId, async ({ manager, publish }) => {
      if (activates) await this.tokens.retire(manager, account.id, 'activation');
      const link = await this.tokens.issue(manager, account.id, 'reset');
      await publish({
        type: Events.passwordResetRequested,
        data: {
          accountId: account.id,
          email: mailboxOf(account),
          fullName: account.fullName,
          locale: account.locale,
          sealedToken: link.sealedToken,
          expiresAt: link.expiresAt.toISOString(),
          activates,
        },
      });
    });
  }
}
