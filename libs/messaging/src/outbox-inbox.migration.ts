import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * The outbox and inbox tables every service has in its own schema. Each service lists
 * this class in its migrations, so it runs once per schema.
 */
export class OutboxInbox1732600000000 implements MigrationInterface {
  name = 'OutboxInbox1732600000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.outbox (
      id bigserial PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      type text NOT NULL,
      routing_keys text[] NOT NULL,
      envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
    await q.query(`CREATE INDEX outbox_unpublished ON ${s}.outbox (id) WHERE published_at IS NULL`);
    await q.query(`CREATE TABLE ${s}.inbox (
      consumer text NOT NULL,
      message_id uuid NOT NULL,
      type text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, message_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.inbox`);
    await q.query(`DROP TABLE ${s}.outbox`);
  }
}
