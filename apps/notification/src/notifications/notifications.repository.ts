import { Injectable } from '@nestjs/common';
import { Kysely, sql, type Selectable } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { Locale, NotificationCategory } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB, Notifications } from '../database/db.generated';
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

const COLUMNS = [
  'id',
  'account_id',
  'event_id',
  'type',
  'category',
  'locale',
  'title',
  'body',
  'link',
  'data',
  'read_at',
  'created_at',
] as const satisfies readonly (keyof Notifications)[];

type Row = Pick<Selectable<Notifications>, (typeof COLUMNS)[number]>;

const toNotification = (r: Row): Notification => ({
  id: r.id,
  accountId: r.account_id,
  eventId: r.event_id,
  type: r.type,
  category: r.category as NotificationCategory,
  locale: r.locale as Locale,
  title: r.title,
  body: r.body,
  link: r.link,
  data: r.data as Record<string, unknown>,
  readAt: r.read_at,
  createdAt: r.created_at,
});

/**
 * The advisory lock of the row just written (`written`, the insert's CTE), held until the
 * writing transaction ends: a job queued for the row meanwhile waits for the commit.
 */
const lockOfWritten = sql<void>`pg_advisory_xact_lock(hashtextextended(written.id::text, 0))`.as(
  'locked',
);

/**
 * Waits until no transaction holds the advisory lock of the row id (its writer has ended).
 * Outside a transaction the lock is let go with the statement: the next statement's snapshot
 * sees what the writer committed.
 */
const waitForWriter = (db: Kysely<DB>, id: string) =>
  sql`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 0))`.execute(db);

export interface NotificationFilter {
  /** true: unread only; false: read only; undefined: all. */
  unread?: boolean;
  limit: number;
  offset: number;
}

/** The only place that touches `notifications`. */
@Injectable()
export class NotificationsRepository {
  private readonly schema: string;

  constructor(
    private readonly dataSource: DataSource,
    config: NotificationConfig,
  ) {
    this.schema = config.DB_SCHEMA;
  }

  /**
   * Writes a notification in the caller's (inbox) transaction; null when this event already
   * made one for this account. The row stays locked (advisory, by id) until that transaction
   * ends, so a job queued for it waits for the commit (see `lockedById`).
   */
  async insert(manager: EntityManager, n: NewNotification): Promise<Notification | null> {
    // The insert and its lock in one statement (one round trip).
    const row = await this.db(manager)
      .with('written', (db) =>
        db
          .insertInto('notifications')
          .values({
            account_id: n.accountId,
            event_id: n.eventId,
            type: n.type,
            category: n.category,
            locale: n.locale,
            title: n.title,
            body: n.body,
            link: n.link,
            data: JSON.stringify(n.data),
          })
          .onConflict((oc) => oc.columns(['event_id', 'account_id']).doNothing())
          .returning(COLUMNS),
      )
      .selectFrom('written')
      .select([...COLUMNS, lockOfWritten])
      .executeTakeFirst();
    return row ? toNotification(row) : null;
  }

  /** A notification once the transaction that wrote it has ended; null if it rolled back. */
  async lockedById(id: string): Promise<Notification | null> {
    // Waits for the writing transaction to end (the lock is let go at once); the read, a
    // statement of its own, then sees that transaction's row if it committed.
    await waitForWriter(this.db(), id);
    const row = await this.db()
      .selectFrom('notifications')
      .select(COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toNotification(row) : null;
  }

  /** Newest first. */
  async list(accountId: string, filter: NotificationFilter): Promise<Notification[]> {
    const rows = await this.db()
      .selectFrom('notifications')
      .select(COLUMNS)
      .where('account_id', '=', accountId)
      .$if(filter.unread !== undefined, (q) =>
        q.where(sql<boolean>`(read_at IS NULL) = ${filter.unread!}`),
      )
      .orderBy('seq', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return rows.map(toNotification);
  }

  async count(accountId: string, unread?: boolean): Promise<{ total: number; unread: number }> {
    const row = await this.db()
      .selectFrom('notifications')
      .select([
        sql<string>`count(*) FILTER (WHERE ${unread ?? null}::boolean IS NULL OR (read_at IS NULL) = ${unread ?? null})`.as(
          'total',
        ),
        sql<string>`count(*) FILTER (WHERE read_at IS NULL)`.as('unread'),
      ])
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    return { total: Number(row.total), unread: Number(row.unread) };
  }

  /** Marks one of the account's notifications read (keeps the first read time); null if not theirs. */
  async markRead(accountId: string, id: string): Promise<Notification | null> {
    const row = await this.db()
      .updateTable('notifications')
      .set((eb) => ({ read_at: eb.fn.coalesce('read_at', sql<Date>`now()`) }))
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .returning(COLUMNS)
      .executeTakeFirst();
    return row ? toNotification(row) : null;
  }

  async markAllRead(accountId: string): Promise<number> {
    const { numUpdatedRows } = await this.db()
      .updateTable('notifications')
      .set({ read_at: sql<Date>`now()` })
      .where('account_id', '=', accountId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(numUpdatedRows);
  }

  /** The account's notifications written after `afterId`, oldest first; none if that id is not theirs. */
  async listAfter(accountId: string, afterId: string, limit: number): Promise<Notification[]> {
    const rows = await this.db()
      .selectFrom('notifications')
      .select(COLUMNS)
      .where('account_id', '=', accountId)
      .where('seq', '>', (eb) =>
        eb
          .selectFrom('notifications')
          .select('seq')
          .where('id', '=', afterId)
          .where('account_id', '=', accountId),
      )
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toNotification);
  }

  /** Tables qualified with this app's schema, as everywhere in notification. */
  private db(manager: EntityManager = this.dataSource.manager): Kysely<DB> {
    return kyselyOf<DB>(manager).withSchema(this.schema);
  }
}
