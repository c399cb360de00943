import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Locale, NotificationCategory } from '@dvc/contracts';
import { updatedRows } from '@dvc/database';
import { NotificationConfig } from '../notification.config';

/** A stored notification, as the service works with it. */
export interface Notification {
  id: string;
  accountId: string;
  eventId: string;
  type: string;
  category: NotificationCategory;
  locale: Locale;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}

export type NewNotification = Omit<Notification, 'id' | 'data' | 'readAt' | 'createdAt'> & {
  data: object;
};

interface Row {
  id: string;
  account_id: string;
  event_id: string;
  type: string;
  category: NotificationCategory;
  locale: Locale;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
  read_at: Date | null;
  created_at: Date;
}

const COLUMNS =
  'id, account_id, event_id, type, category, locale, title, body, link, data, read_at, created_at';

const toNotification = (r: Row): Notification => ({
  id: r.id,
  accountId: r.account_id,
  eventId: r.event_id,
  type: r.type,
  category: r.category,
  locale: r.locale,
  title: r.title,
  body: r.body,
  link: r.link,
  data: r.data,
  readAt: r.read_at,
  createdAt: r.created_at,
});

export interface NotificationFilter {
  /** true: unread only; false: read only; undefined: all. */
  unread?: boolean;
  limit: number;
  offset: number;
}

/** The only place that touches `notifications`. */
@Injectable()
export class NotificationsRepository {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    config: NotificationConfig,
  ) {
    this.table = `"${config.DB_SCHEMA}".notifications`;
  }

  /**
   * Writes a notification in the caller's (inbox) transaction; null when this event already
   * made one for this account. The row stays locked (advisory, by id) until that transaction
   * ends, so a job queued for it waits for the commit (see `lockedById`).
   */
  async insert(manager: EntityManager, n: NewNotification): Promise<Notification | null> {
    const rows: Row[] = await manager.query(
      `INSERT INTO ${this.table} (account_id, event_id, type, category, locale, title, body, link, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (event_id, account_id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [n.accountId, n.eventId, n.type, n.category, n.locale, n.title, n.body, n.link, n.data],
    );
    if (rows.length === 0) return null;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [rows[0].id]);
    return toNotification(rows[0]);
  }

  /** A notification once the transaction that wrote it has ended; null if it rolled back. */
  async lockedById(id: string): Promise<Notification | null> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [id]);
      const rows: Row[] = await manager.query(
        `SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1`,
        [id],
      );
      return rows.length > 0 ? toNotification(rows[0]) : null;
    });
  }

  /** Newest first. */
  async list(accountId: string, filter: NotificationFilter): Promise<Notification[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.table}
        WHERE account_id = $1 AND ($2::boolean IS NULL OR (read_at IS NULL) = $2)
        ORDER BY seq DESC LIMIT $3 OFFSET $4`,
      [accountId, filter.unread ?? null, filter.limit, filter.offset],
    );
    return rows.map(toNotification);
  }

  async count(accountId: string, unread?: boolean): Promise<{ total: number; unread: number }> {
    const [row]: { total: string; unread: string }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE $2::boolean IS NULL OR (read_at IS NULL) = $2) AS total,
              count(*) FILTER (WHERE read_at IS NULL) AS unread
         FROM ${this.table} WHERE account_id = $1`,
      [accountId, unread ?? null],
    );
    return { total: Number(row.total), unread: Number(row.unread) };
  }

  /** Marks one of the account's notifications read (keeps the first read time); null if not theirs. */
  async markRead(accountId: string, id: string): Promise<Notification | null> {
    const rows = updatedRows<Row>(
      await this.dataSource.query(
        `UPDATE ${this.table} SET read_at = coalesce(read_at, now())
          WHERE id = $1 AND account_id = $2 RETURNING ${COLUMNS}`,
        [id, accountId],
      ),
    );
    return rows.length > 0 ? toNotification(rows[0]) : null;
  }

  async markAllRead(accountId: string): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE ${this.table} SET read_at = now() WHERE account_id = $1 AND read_at IS NULL`,
      [accountId],
    );
    return affected;
  }

  /** The account's notifications written after `afterId`, oldest first; none if that id is not theirs. */
  async listAfter(accountId: string, afterId: string, limit: number): Promise<Notification[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.table}
        WHERE account_id = $1
          AND seq > (SELECT seq FROM ${this.table} WHERE id = $2 AND account_id = $1)
        ORDER BY seq LIMIT $3`,
      [accountId, afterId, limit],
    );
    return rows.map(toNotification);
  }
}
