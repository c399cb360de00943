import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import { RefreshTokenRecord, SessionEndReason } from './sessions.dto';

const now = sql<Date>`now()`;

/** sessions (one per refresh-token family, id = the JWT `sid`) and refresh_tokens (hashed). */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    manager: EntityManager,
    session: { accountId: string; ip: string | null; expiresAt: Date },
  ): Promise<string> {
    const { id } = await kyselyOf<DB>(manager)
      .insertInto('sessions')
      .values({ account_id: session.accountId, ip: session.ip, expires_at: session.expiresAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async addRefreshToken(
    manager: EntityManager,
    token: { tokenHash: string; sessionId: string; expiresAt: Date },
  ): Promise<void> {
    await kyselyOf<DB>(manager)
      .insertInto('refresh_tokens')
      .values({
        token_hash: token.tokenHash,
        session_id: token.sessionId,
        expires_at: token.expiresAt,
      })
      .execute();
  }

  /**
   * The token and its session, both locked: two rotations of one token are serialised
   * (the second sees it used), and a concurrent revocation waits for the rotation.
   */
  async findRefreshTokenForUpdate(
    manager: EntityManager,
    tokenHash: string,
  ): Promise<RefreshTokenRecord | null> {
    const r = await kyselyOf<DB>(manager)
      .selectFrom('refresh_tokens as t')
      .innerJoin('sessions as s', 's.id', 't.session_id')
      .select([
        't.session_id',
        's.account_id',
        't.expires_at',
        't.used_at',
        's.revoked_at',
        's.expires_at as session_expires_at',
      ])
      .where('t.token_hash', '=', tokenHash)
      .forUpdate()
      .executeTakeFirst();
    if (!r) return null;
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
    const row = await kyselyOf<DB>(this.dataSource.manager)
      .selectFrom('refresh_tokens as t')
      .innerJoin('sessions as s', 's.id', 't.session_id')
      .select(['t.session_id', 's.account_id'])
      .where('t.token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? { sessionId: row.session_id, accountId: row.account_id } : null;
  }

  async markRefreshTokenUsed(manager: EntityManager, tokenHash: string): Promise<void> {
    await kyselyOf<DB>(manager)
      .updateTable('refresh_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async touch(manager: EntityManager, sessionId: string): Promise<void> {
    await kyselyOf<DB>(manager)
      .updateTable('sessions')
      .set({ last_used_at: now })
      .where('id', '=', sessionId)
      .execute();
  }

  /** Ends the given sessions of one account that are still live; returns the ones it ended. */
  async revoke(
    manager: EntityManager,
    accountId: string,
    sessionIds: string[],
    reason: SessionEndReason,
  ): Promise<string[]> {
    if (sessionIds.length === 0) return [];
    const rows = await kyselyOf<DB>(manager)
      .updateTable('sessions')
      .set({ revoked_at: now, revoked_reason: reason })
      .where('account_id', '=', accountId)
      .where('id', '=', sql<string>`ANY(${sessionIds}::uuid[])`)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Ends every live session of an account except `keep`; returns the ones it ended. */
  async revokeAllOf(
    manager: EntityManager,
    accountId: string,
    reason: SessionEndReason,
    keep: string | null,
  ): Promise<string[]> {
    const rows = await kyselyOf<DB>(manager)
      .updateTable('sessions')
      .set({ revoked_at: now, revoked_reason: reason })
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .$if(keep !== null, (q) => q.where('id', '<>', keep!))
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }
}
