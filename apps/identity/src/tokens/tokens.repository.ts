import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EmailTokenPurpose, EmailTokenRow } from './tokens.dto';

interface Row {
  id: string;
  account_id: string;
  purpose: EmailTokenPurpose;
  expires_at: Date;
  used_at: Date | null;
}

const toToken = (r: Row): EmailTokenRow => ({
  id: r.id,
  accountId: r.account_id,
  purpose: r.purpose,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

/** email_tokens: hashed single-use activation and reset tokens. Always inside the caller's transaction. */
@Injectable()
export class EmailTokensRepository {
  async insert(
    manager: EntityManager,
    token: { accountId: string; purpose: EmailTokenPurpose; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO email_tokens (account_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [token.accountId, token.purpose, token.tokenHash, token.expiresAt],
    );
  }

  /** Locks the row so two concurrent uses of one link cannot both succeed. */
  async findForUpdate(
    manager: EntityManager,
    purpose: EmailTokenPurpose,
    tokenHash: string,
  ): Promise<EmailTokenRow | null> {
    const rows: Row[] = await manager.query(
      `SELECT id, account_id, purpose, expires_at, used_at FROM email_tokens
        WHERE purpose = $1 AND token_hash = $2 FOR UPDATE`,
      [purpose, tokenHash],
    );
    return rows.length > 0 ? toToken(rows[0]) : null;
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE email_tokens SET used_at = now() WHERE id = $1`, [id]);
  }

  /** A newer link replaces the older ones of the same purpose. */
  async retireUnused(
    manager: EntityManager,
    accountId: string,
    purpose: EmailTokenPurpose,
  ): Promise<void> {
    await manager.query(
      `UPDATE email_tokens SET used_at = now() WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [accountId, purpose],
    );
  }
}
