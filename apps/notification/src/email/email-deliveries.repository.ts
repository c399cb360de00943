import { Injectable } from '@nestjs/common';
import { Kysely, sql, type Insertable, type Updateable } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { Locale } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB, EmailDeliveries } from '../database/db.generated';
import { NotificationConfig } from '../notification.config';
import type {
  AccountEmailRequest,
  DeliveryStatus,
  EmailRequest,
  PendingDelivery,
  Recipient,
  RenderedEmail,
  UnaddressedDelivery,
  UnrenderedDelivery,
} from './email.dto';
import type { TemplateName } from './templates';

export interface NewEmailDelivery extends RenderedEmail {
  eventId: string;
  template: TemplateName;
  locale: Locale;
  accountId: string | null;
  to: Recipient;
}

export interface AddressedEmail extends RenderedEmail {
  locale: Locale;
  to: Recipient;
}

const now = sql<Date>`now()`;

/** What a finished delivery drops: rendered bodies may hold single-use links. */
const DROP_CONTENT = { text_body: null, html_body: null, template_data: null } as const;

/** The columns of an email addressed at sending time (none when it was not). */
function addressColumns(email: AddressedEmail | undefined): Updateable<EmailDeliveries> {
  if (!email) return {};
  return {
    locale: email.locale,
    recipient: email.to.address,
    recipient_name: email.to.name,
    subject: email.subject,
    text_body: email.text,
    html_body: email.html,
    template_data: null,
  };
}

/** A delivery still to be sent (or retried). */
const UNFINISHED = ['created', 'sending', 'temporary-failure'];

/**
 * The advisory lock of the row just written (`written`, the insert's CTE), held until the
 * writing transaction ends: a job that claims the row meanwhile waits for the commit.
 */
const lockOfWritten = sql<void>`pg_advisory_xact_lock(hashtextextended(written.id::text, 0))`.as(
  'locked',
);

/**
 * Waits until no transaction holds the advisory lock of the row id (its creator has ended).
 * Outside a transaction the lock is let go with the statement: the next statement's snapshot
 * sees what the creator committed.
 */
const waitForCreator = (db: Kysely<DB>, id: string) =>
  sql`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 0))`.execute(db);

/** The only place that touches `email_deliveries`. */
@Injectable()
export class EmailDeliveriesRepository {
  private readonly schema: string;

  constructor(
    private readonly dataSource: DataSource,
    config: NotificationConfig,
  ) {
    this.schema = config.DB_SCHEMA;
  }

  /**
   * Records a delivery in the caller's transaction and returns its id, or null when this
   * event already has this email. The row stays locked (advisory, by id) until that
   * transaction ends, so a job that starts before the commit waits for it in `claim`.
   */
  async create(manager: EntityManager, d: NewEmailDelivery): Promise<string | null> {
    return this.insertLocked(manager, {
      event_id: d.eventId,
      template: d.template,
      locale: d.locale,
      account_id: d.accountId,
      recipient: d.to.address,
      recipient_name: d.to.name,
      subject: d.subject,
      text_body: d.text,
      html_body: d.html,
    });
  }

  /**
   * Records, in the caller's transaction, an email whose payload holds a sealed token: its
   * address and subject now, its bodies never (`claim` hands it over unrendered). Same locking
   * and uniqueness as `create`.
   */
  async createUnrendered(
    manager: EntityManager,
    eventId: string,
    request: EmailRequest,
    subject: string,
  ): Promise<string | null> {
    return this.insertLocked(manager, {
      event_id: eventId,
      template: request.template,
      locale: request.locale,
      account_id: request.accountId,
      recipient: request.to.address,
      recipient_name: request.to.name,
      subject,
      template_data: JSON.stringify(request.data),
    });
  }

  /**
   * Records, in the caller's transaction, an email to an account holder whose address is
   * not known yet (`claim` hands it over unaddressed). Same locking and uniqueness as `create`.
   */
  async createForAccount(
    manager: EntityManager,
    eventId: string,
    request: AccountEmailRequest,
  ): Promise<string | null> {
    return this.insertLocked(manager, {
      event_id: eventId,
      template: request.template,
      locale: 'vi',
      account_id: request.accountId,
      template_data: JSON.stringify(request.data),
    });
  }

  private async insertLocked(
    manager: EntityManager,
    values: Insertable<EmailDeliveries>,
  ): Promise<string | null> {
    // The insert and its lock in one statement (one round trip).
    const row = await this.db(manager)
      .with('written', (db) =>
        db
          .insertInto('email_deliveries')
          .values(values)
          .onConflict((oc) => oc.columns(['event_id', 'template']).doNothing())
          .returning('id'),
      )
      .selectFrom('written')
      .select(['written.id', lockOfWritten])
      .executeTakeFirst();
    return row ? row.id : null;
  }

  /**
   * Moves a delivery to `sending` and counts the attempt. Waits while the transaction that
   * created it is still open; null when it was rolled back or is already finished.
   */
  async claim(
    id: string,
  ): Promise<PendingDelivery | UnaddressedDelivery | UnrenderedDelivery | null> {
    // Waits for the creating transaction to end (the lock is let go at once); the update, a
    // statement of its own, then sees that transaction's row if it committed.
    await waitForCreator(this.db(), id);
    const row = await this.db()
      .updateTable('email_deliveries')
      .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('status', 'in', UNFINISHED)
      .returning([
        'id',
        'template',
        'locale',
        'account_id',
        'recipient',
        'recipient_name',
        'subject',
        'text_body',
        'html_body',
        'template_data',
        'attempts',
      ])
      .executeTakeFirst();
    if (!row) return null;
    // The payload of the event, as it was stored: checked when the event was consumed.
    const data: unknown = row.template_data;
    const to = { address: row.recipient ?? '', name: row.recipient_name ?? '' };
    if (row.recipient !== null && row.text_body === null && row.template_data !== null) {
      return {
        id: row.id,
        attempts: row.attempts,
        to,
        request: {
          template: row.template,
          locale: row.locale,
          to,
          accountId: row.account_id,
          data,
        } as EmailRequest,
      };
    }
    if (row.recipient === null) {
      return {
        id: row.id,
        attempts: row.attempts,
        request: {
          template: row.template,
          accountId: row.account_id,
          data,
        } as AccountEmailRequest,
      };
    }
    return {
      id: row.id,
      to,
      subject: row.subject ?? '',
      text: row.text_body ?? '',
      html: row.html_body ?? '',
      attempts: row.attempts,
    };
  }

  /** The bodies may hold single-use links: they are dropped once the email is finished. */
  async markDelivered(id: string, messageId: string, addressed?: AddressedEmail): Promise<void> {
    await this.db()
      .updateTable('email_deliveries')
      .set({
        ...addressColumns(addressed),
        status: 'delivered',
        message_id: messageId,
        last_error: null,
        ...DROP_CONTENT,
        delivered_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  /** `addressed`: the address and email found for this attempt, kept for the next one. */
  async markFailed(
    id: string,
    status: Extract<DeliveryStatus, `${string}-failure`>,
    error: string,
    addressed?: AddressedEmail,
  ): Promise<void> {
    const finished = status === 'permanent-failure';
    await this.db()
      .updateTable('email_deliveries')
      .set({
        ...addressColumns(addressed),
        status,
        last_error: sql<string>`left(${error}, 2000)`,
        updated_at: now,
        ...(finished ? DROP_CONTENT : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** After the last attempt: a delivery still failing temporarily is given up. */
  async giveUp(id: string, error: string): Promise<boolean> {
    const { numUpdatedRows } = await this.db()
      .updateTable('email_deliveries')
      .set({
        status: 'permanent-failure',
        last_error: sql<string>`left(${error}, 2000)`,
        ...DROP_CONTENT,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', 'in', UNFINISHED)
      .executeTakeFirst();
    return numUpdatedRows > 0n;
  }

  /** Tables qualified with this app's schema, as everywhere in notification. */
  private db(manager: EntityManager = this.dataSource.manager): Kysely<DB> {
    return kyselyOf<DB>(manager).withSchema(this.schema);
  }
}
