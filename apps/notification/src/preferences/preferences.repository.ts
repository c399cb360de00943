import { Injectable } from '@nestjs/common';
import { Kysely, sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { EmailPreferencesInput, EmailPreferencesView } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import { NotificationConfig } from '../notification.config';

/** Every email is wanted until its holder says otherwise. */
const DEFAULTS: EmailPreferencesView = { dossier: true, payment: true };

/** The only place that touches `email_preferences`. */
@Injectable()
export class PreferencesRepository {
  private readonly schema: string;

  constructor(
    private readonly dataSource: DataSource,
    config: NotificationConfig,
  ) {
    this.schema = config.DB_SCHEMA;
  }

  async get(
    accountId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EmailPreferencesView> {
    const row = await this.db(manager)
      .selectFrom('email_preferences')
      .select(['dossier', 'payment'])
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row ?? DEFAULTS;
  }

  /** Changes the categories given, keeps the others. */
  async set(accountId: string, changes: EmailPreferencesInput): Promise<EmailPreferencesView> {
    // Typed parameters: Postgres cannot infer the type of `coalesce($1, $2)` on its own.
    const dossier = sql<boolean>`${changes.dossier ?? null}::boolean`;
    const payment = sql<boolean>`${changes.payment ?? null}::boolean`;
    return this.db()
      .insertInto('email_preferences')
      .values((eb) => ({
        account_id: accountId,
        dossier: eb.fn.coalesce(dossier, sql<boolean>`${DEFAULTS.dossier}::boolean`),
        payment: eb.fn.coalesce(payment, sql<boolean>`${DEFAULTS.payment}::boolean`),
      }))
      .onConflict((oc) =>
        oc.column('account_id').doUpdateSet((eb) => ({
          dossier: eb.fn.coalesce(dossier, eb.ref('email_preferences.dossier')),
          payment: eb.fn.coalesce(payment, eb.ref('email_preferences.payment')),
          updated_at: eb.fn<Date>('now'),
        })),
      )
      .returning(['dossier', 'payment'])
      .executeTakeFirstOrThrow();
  }

  /** Tables qualified with this app's schema, as everywhere in notification. */
  private db(manager: EntityManager = this.dataSource.manager): Kysely<DB> {
    return kyselyOf<DB>(manager).withSchema(this.schema);
  }
}
