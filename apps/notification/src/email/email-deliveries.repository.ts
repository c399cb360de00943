import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Locale } from '@dvc/contracts';
import { NotificationConfig } from '../notification.config';
import type { DeliveryStatus, PendingDelivery, Recipient, RenderedEmail } from './email.dto';
import type { TemplateName } from './templates';

export interface NewEmailDelivery extends RenderedEmail {
  eventId: string;
  template: TemplateName;
  locale: Locale;
  accountId: string | null;
  to: Recipient;
}

interface PendingRow {
  id: string;
  recipient: string;
  recipient_name: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
}

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
    if (rows.length === 0) return null;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [rows[0].id]);
    return rows[0].id;
  }

  /**
   * Moves a delivery to `sending` and counts the attempt. Waits while the transaction that
   * created it is still open; null when it was rolled back or is already finished.
   */
  async claim(id: string): Promise<PendingDelivery | null> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [id]);
      const [result]: [PendingRow[], number] = await manager.query(
        `UPDATE ${this.table} SET status = 'sending', attempts = attempts + 1, updated_at = now()
          WHERE id = $1 AND status IN ('created', 'sending', 'temporary-failure')
          RETURNING id, recipient, recipient_name, subject, text_body, html_body, attempts`,
        [id],
      );
      const row = result[0];
      if (!row) return null;
      return {
        id: row.id,
        to: { address: row.recipient, name: row.recipient_name },
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        attempts: row.attempts,
      };
    });
  }

  /** The bodies may hold single-use links: they are dropped once the email is finished. */
  async markDelivered(id: string, messageId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table}
          SET status = 'delivered', message_id = $2, last_error = NULL, text_body = NULL, html_body = NULL,
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
              ${finished ? ', text_body = NULL, html_body = NULL' : ''}
        WHERE id = $1`,
      [id, status, error],
    );
  }

  /** After the last attempt: a delivery still failing temporarily is given up. */
  async giveUp(id: string, error: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE ${this.table}
          SET status = 'permanent-failure', last_error = left($2, 2000), text_body = NULL, html_body = NULL,
              updated_at = now()
        WHERE id = $1 AND status IN ('created', 'sending', 'temporary-failure')`,
      [id, error],
    );
    return affected > 0;
  }
}
