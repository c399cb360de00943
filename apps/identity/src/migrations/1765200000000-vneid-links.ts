import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * VNeID login: an account created from the national e-ID has no password and may have no
 * email; its date of birth comes from VNeID. One VNeID identity links to one account and an
 * account to one VNeID identity.
 */
export class VneidLinks1765200000000 implements MigrationInterface {
  name = 'VneidLinks1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.accounts ALTER COLUMN email DROP NOT NULL`);
    await q.query(`ALTER TABLE ${s}.accounts ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`ALTER TABLE ${s}.accounts ADD COLUMN birth_date date`);
    await q.query(`CREATE INDEX accounts_id_number ON ${s}.accounts (id_number)`);
    await q.query(`CREATE TABLE ${s}.vneid_links (
      account_id uuid PRIMARY KEY REFERENCES ${s}.accounts (id) ON DELETE CASCADE,
      subject text NOT NULL UNIQUE,
      id_number text NOT NULL,
      linked_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.vneid_links`);
    await q.query(`DROP INDEX ${s}.accounts_id_number`);
    await q.query(`ALTER TABLE ${s}.accounts DROP COLUMN birth_date`);
  }
}
