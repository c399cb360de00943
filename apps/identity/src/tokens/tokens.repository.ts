import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { EntityManager } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import { EmailTokenPurpose, EmailTokenRow } from './tokens.dto';

/** email_tokens: hashed single-use activation and reset tokens. Always inside the caller's transaction. */
@Injectable()
export class EmailTokensRepository {
  async insert(
    manager: EntityManager,
    token: { accountId: string; purpose: EmailTokenPurpose; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await kyselyOf<DB>(manager)
      .insertInto('email_tokens')
      .values({
        account_id: token.accountId,
        purpose: token.purpose,
        token_hash: token.tokenHash,
        expires_at: token.expiresAt,
      })
      .execute();
  }

  /** Locks the row so two concurrent uses of one link cannot both succeed. */
  async findForUpdate(
    manager: EntityManager,
    purpose: EmailTokenPurpose,
    tokenHash: string,
  ): Promise<EmailTokenRow | null> {
    const r = await kyselyOf<DB>(manager)
      .selectFrom('email_tokens')
      .select(['id', 'account_id', 'purpose', 'expires_at', 'used_at'])
      .where('purpose', '=', purpose)
      .where('token_hash', '=', tokenHash)
      .forUpdate()
      .executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      accountId: r.account_id,
      purpose: r.purpose as EmailTokenPurpose,
      expiresAt: r.expires_at,
      usedAt: r.used_at,
    };
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await kyselyOf<DB>(manager)
      .updateTable('email_tokens')
      .set({ used_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  /** A newer link replaces the older ones of the same purpose. */
  async retireUnused(
    manager: EntityManager,
    accountId: string,
    purpose: EmailTokenPurpose,
  ): Promise<void> {
    await kyselyOf<DB>(manager)
      .updateTable('email_tokens')
      .set({ used_at: sql<Date>`now()` })
      .where('account_id', '=', accountId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
  }
}
