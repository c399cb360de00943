import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * The bell (docs/design.md §8): one notification per event and account, written in the inbox
 * transaction of the event. Email preferences per category. Deliveries of emails about
 * dossiers and payments are recorded before their address is known (identity gives it when
 * the job sends them), so the address columns become nullable.
 */
export class Notifications1733100000000 implements MigrationInterface {
  name = 'Notifications1733100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- creation order per account, for "what came after the last one I saw" (SSE reconnect)
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      account_id uuid NOT NULL,
      event_id uuid NOT NULL,
      type text NOT NULL,
      category text NOT NULL CHECK (category IN ('dossier', 'payment', 'account')),
      -- language of title and body; readers get them rendered again in theirs from type + data
      locale text NOT NULL CHECK (locale IN ('vi', 'en')),
      title text NOT NULL,
      body text NOT NULL,
      link text,
      data jsonb NOT NULL DEFAULT '{}',
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT notifications_event_account UNIQUE (event_id, account_id)
    )`);
    await q.query(`CREATE INDEX notifications_account ON ${s}.notifications (account_id, seq)`);
    await q.query(
      `CREATE INDEX notifications_unread ON ${s}.notifications (account_id) WHERE read_at IS NULL`,
    );
    await q.query(`CREATE TABLE ${s}.email_preferences (
      account_id uuid PRIMARY KEY,
      dossier boolean NOT NULL DEFAULT true,
      payment boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`ALTER TABLE ${s}.email_deliveries
      ALTER COLUMN recipient DROP NOT NULL,
      ALTER COLUMN recipient_name DROP NOT NULL,
      ALTER COLUMN subject DROP NOT NULL,
      -- what the template renders once the address is known; dropped with the bodies
      ADD COLUMN template_data jsonb,
      ADD CONSTRAINT email_deliveries_addressable CHECK (recipient IS NOT NULL OR account_id IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DELETE FROM ${s}.email_deliveries WHERE recipient IS NULL`);
    await q.query(`ALTER TABLE ${s}.email_deliveries
      DROP CONSTRAINT email_deliveries_addressable,
      DROP COLUMN template_data,
      ALTER COLUMN recipient SET NOT NULL,
      ALTER COLUMN recipient_name SET NOT NULL,
      ALTER COLUMN subject SET NOT NULL`);
    await q.query(`DROP TABLE ${s}.email_preferences`);
    await q.query(`DROP TABLE ${s}.notifications`);
  }
}
