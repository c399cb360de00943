import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EmailPreferencesInput, EmailPreferencesView } from '@dvc/contracts';
import { NotificationConfig } from '../notification.config';

/** Every email is wanted until its holder says otherwise. */
const DEFAULTS: EmailPreferencesView = { dossier: true, payment: true };

/** The only place that touches `email_preferences`. */
@Injectable()
export class PreferencesRepository {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    config: NotificationConfig,
  ) {
    this.table = `"${config.DB_SCHEMA}".email_preferences`;
  }

  async get(
    accountId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EmailPreferencesView> {
    const rows: EmailPreferencesView[] = await manager.query(
      `SELECT dossier, payment FROM ${this.table} WHERE account_id = $1`,
      [accountId],
    );
    return rows[0] ?? DEFAULTS;
  }

  /** Changes the categories given, keeps the others. */
  async set(accountId: string, changes: EmailPreferencesInput): Promise<EmailPreferencesView> {
    const [row]: EmailPreferencesView[] = await this.dataSource.query(
      `INSERT INTO ${this.table} AS p (account_id, dossier, payment)
       VALUES ($1, coalesce($2::boolean, $4::boolean), coalesce($3::boolean, $5::boolean))
       ON CONFLICT (account_id) DO UPDATE
         SET dossier = coalesce($2::boolean, p.dossier), payment = coalesce($3::boolean, p.payment),
             updated_at = now()
       RETURNING dossier, payment`,
      [
        accountId,
        changes.dossier ?? null,
        changes.payment ?? null,
        DEFAULTS.dossier,
        DEFAULTS.payment,
      ],
    );
    return row;
  }
}
