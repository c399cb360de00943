import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Locale } from '@dvc/contracts';
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

interface PendingRow {
  id: string;
  template: string;
  locale: Locale;
  account_id: string | null;
  recipient: string | null;
  recipient_name: string | null;
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
  template_data: AccountEmailRequest['data'] | EmailRequest['data'] | null;
  attempts: number;
}

/** What a finished delivery drops: rendered bodies may hold single-use links. */
const DROP_CONTENT = 'text_body = NULL, html_body = NULL, template_data = NULL';

/** The only place that touches `email_deliveries`. */
@Injectable()
export class EmailDeliveriesRepository {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    config: NotificationConfig,
  ) {
    this.table = `"${config.DB_SCHEMA}".email_deliveries`;
  }

  /**
   * Records a delivery in the caller's transaction and returns its id, or null when this
   * event already has this email. The row stays locked (advisory, by id) until that
   * transaction ends, so a job that starts before the commit waits for it in `claim`.
   */
  async create(manager: EntityManager, d: NewEmailDelivery): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO ${this.table}
         (event_id, template, locale, account_id, recipient, recipient_name, subject, text_body, html_body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (event_id, template) DO NOTHING
       RETURNING id`,
      [
        d.eventId,
        d.template,
        d.locale,
        d.accountId,
        d.to.address,
        d.to.name,
        d.subject,
        d.text,
        d.html,
      ],
    );
    return this.lockCreated(manager, rows);
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
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO ${this.table}
         (event_id, template, locale, account_id, recipient, recipient_name, subject, template_data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (event_id, template) DO NOTHING
       RETURNING id`,
      [
        eventId,
        request.template,
        request.locale,
        request.accountId,
        request.to.address,
        request.to.name,
        subject,
        request.data,
      ],
    );
    return this.lockCreated(manager, rows);
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
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO ${this.table} (event_id, template, locale, account_id, template_data)
       VALUES ($1, $2, 'vi', $3, $4)
       ON CONFLICT (event_id, template) DO NOTHING
       RETURNING id`,
      [eventId, request.template, request.accountId, request.data],
    );
    return this.lockCreated(manager, rows);
  }

  private async lockCreated(
    manager: EntityManager,
    rows: { id: string }[],
  ): Promise<string | null> {
    if (rows.length === 0) return null;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [rows[0].id]);
    return rows[0].id;
  }

  /**
   * Moves a delivery to `sending` and counts the attempt. Waits while the transaction that
   * created it is still open; null when it was rolled back or is already finished.
   */
  async claim(
    id: string,
  ): Promise<PendingDelivery | UnaddressedDelivery | UnrenderedDelivery | null> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [id]);
      const [result]: [PendingRow[], number] = await manager.query(
        `UPDATE ${this.table} SET status = 'sending', attempts = attempts + 1, updated_at = now()
          WHERE id = $1 AND status IN ('created', 'sending', 'temporary-failure')
          RETURNING id, template, locale, account_id, recipient, recipient_name, subject,
                    text_body, html_body, template_data, attempts`,
        [id],
      );
      const row = result[0];
      if (!row) return null;
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
            data: row.template_data,
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
            data: row.template_data,
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
    });
  }

  /** Gives a delivery its address and rendered email, once identity told where it goes. */
  async address(id: string, email: AddressedEmail): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table}
          SET locale = $2, recipient = $3, recipient_name = $4, subject = $5, text_body = $6,
              html_body = $7, template_data = NULL, updated_at = now()
        WHERE id = $1`,
      [id, email.locale, email.to.address, email.to.name, email.subject, email.text, email.html],
    );
  }

  /** The bodies may hold single-use links: they are dropped once the email is finished. */
  async markDelivered(id: string, messageId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table}
          SET status = 'delivered', message_id = $2, last_error = NULL, ${DROP_CONTENT},
              delivered_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, messageId],
    );
  }

  async markFailed(
    id: string,
    status: Extract<DeliveryStatus, `${string}-failure`>,
    error: string,
  ): Promise<void> {
    const finished = status === 'permanent-failure';
    await this.dataSource.query(
      `UPDATE ${this.table}
          SET status = $2, last_error = left($3, 2000), updated_at = now()
              ${finished ? `, ${DROP_CONTENT}` : ''}
        WHERE id = $1`,
      [id, status, error],
    );
  }

  /** After the last attempt: a delivery still failing temporarily is given up. */
  async giveUp(id: string, error: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE ${this.table}
          SET status = 'permanent-failure', last_error = left($2, 2000), ${DROP_CONTENT},
              updated_at = now()
        WHERE id = $1 AND status IN ('created', 'sending', 'temporary-failure')`,
      [id, error],
    );
    return affected > 0;
  }
}
