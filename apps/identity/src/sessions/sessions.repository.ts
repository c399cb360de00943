import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RefreshTokenRecord, SessionEndReason } from './sessions.dto';
import { updatedRows } from '@dvc/database';

/** sessions (one per refresh-token family, id = the JWT `sid`) and refresh_tokens (hashed). */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    manager: EntityManager,
    session: { accountId: string; ip: string | null; expiresAt: Date },
  ): Promise<string> {
    const rows = updatedRows<{ id: string }>(
      await manager.query(
        `INSERT INTO sessions (account_id, ip, expires_at) VALUES ($1, $2, $3) RETURNING id`,
        [session.accountId, session.ip, session.expiresAt],
      ),
    );
    return rows[0].id;
  }

  async addRefreshToken(
    manager: EntityManager,
    token: { tokenHash: string; sessionId: string; expiresAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES ($1, $2, $3)`,
      [token.tokenHash, token.sessionId, token.expiresAt],
    );
  }

  /**
   * The token and its session, both locked: two rotations of one token are serialised
   * (the second sees it used), and a concurrent revocation waits for the rotation.
   */
  async findRefreshTokenForUpdate(
    manager: EntityManager,
    tokenHash: string,
  ): Promise<RefreshTokenRecord | null> {
    const rows: {
      session_id: string;
      account_id: string;
      expires_at: Date;
      used_at: Date | null;
      revoked_at: Date | null;
      session_expires_at: Date;
    }[] = await manager.query(
      `SELECT t.session_id, s.account_id, t.expires_at, t.used_at, s.revoked_at,
              s.expires_at AS session_expires_at
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
        WHERE t.token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      sessionId: r.session_id,
      accountId: r.account_id,
      expiresAt: r.expires_at,
      usedAt: r.used_at,
      sessionRevokedAt: r.revoked_at,
      sessionExpiresAt: r.session_expires_at,
    };
  }

  async findSessionOfRefreshToken(
    tokenHash: string,
  ): Promise<{ sessionId: string; accountId: string } | null> {
    const rows: { session_id: string; account_id: string }[] = await this.dataSource.query(
      `SELECT t.session_id, s.account_id FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
        WHERE t.token_hash = $1`,
      [tokenHash],
    );
    return rows.length > 0
      ? { sessionId: rows[0].session_id, accountId: rows[0].account_id }
      : null;
  }

  async markRefreshTokenUsed(manager: EntityManager, tokenHash: string): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1`, [
      tokenHash,
    ]);
  }

  async touch(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`UPDATE sessions SET last_used_at = now() WHERE id = $1`, [sessionId]);
  }

  /** Ends the given sessions of one account that are still live; returns the ones it ended. */
  async revoke(
    manager: EntityManager,
    accountId: string,
    sessionIds: string[],
    reason: SessionEndReason,
  ): Promise<string[]> {
    if (sessionIds.length === 0) return [];
    const rows = updatedRows<{ id: string }>(
      await manager.query(
        `UPDATE sessions SET revoked_at = now(), revoked_reason = $3
        WHERE account_id = $1 AND id = ANY($2::uuid[]) AND revoked_at IS NULL RETURNING id`,
        [accountId, sessionIds, reason],
      ),
    );
    return rows.map((r) => r.id);
  }

  /** Ends every live session of an account except `keep`; returns the ones it ended. */
  async revokeAllOf(
    manager: EntityManager,
    accountId: string,
    reason: SessionEndReason,
    keep: string | null,
  ): Promise<string[]> {
    const rows = updatedRows<{ id: string }>(
      await manager.query(
        `UPDATE sessions SET revoked_at = now(), revoked_reason = $2
        WHERE account_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid) RETURNING id`,
        [accountId, reason, keep],
      ),
    );
    return rows.map((r) => r.id);
  }
}
