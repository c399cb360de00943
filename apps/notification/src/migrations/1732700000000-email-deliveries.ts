import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * One row per email an event caused (docs/design.md §8). Keyed by (event_id, template), not by
 * a notification: the in-app `notifications` table comes later beside it, keyed by
 * (event_id, account_id), and the two join on event_id/account_id when needed.
 */
export class EmailDeliveries1732700000000 implements MigrationInterface {
  name = 'EmailDeliveries1732700000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.email_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL,
      template text NOT NULL,
      locale text NOT NULL CHECK (locale IN ('vi', 'en')),
      account_id uuid,
      recipient text NOT NULL,
      recipient_name text NOT NULL,
      subject text NOT NULL,
      -- rendered bodies, dropped once the delivery is finished (they may hold single-use links)
      text_body text,
      html_body text,
      status text NOT NULL DEFAULT 'created'
        CHECK (status IN ('created', 'sending', 'delivered', 'temporary-failure', 'permanent-failure')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      message_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz,
      CONSTRAINT email_deliveries_event_template UNIQUE (event_id, template)
    )`);
    await q.query(
      `CREATE INDEX email_deliveries_account ON ${s}.email_deliveries (account_id, created_at)`,
    );
    await q.query(
      `CREATE INDEX email_deliveries_unfinished ON ${s}.email_deliveries (created_at)
        WHERE status IN ('created', 'sending', 'temporary-failure')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${schemaOf(q)}.email_deliveries`);
  }
}
