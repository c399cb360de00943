import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Sessions get an absolute end: refresh-token rotation never carries a session past it.
 * Sessions already open end 30 days after they began.
 */
export class SessionMaxAge1765100000000 implements MigrationInterface {
  name = 'SessionMaxAge1765100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.sessions ADD COLUMN expires_at timestamptz`);
    await q.query(`UPDATE ${s}.sessions SET expires_at = created_at + interval '30 days'`);
    await q.query(`ALTER TABLE ${s}.sessions ALTER COLUMN expires_at SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.sessions DROP COLUMN expires_at`);
  }
}
