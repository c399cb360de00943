import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * On `complete` each result is issued signed by the agency: a PDF as its signed copy, any
 * other file with a signed cover sheet. The upload stays; the citizen gets the signed file.
 */
export class SignedResults1765200000000 implements MigrationInterface {
  name = 'SignedResults1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.results
      ADD COLUMN signed_file_id uuid,
      ADD COLUMN signed_file_name text,
      ADD COLUMN verification_code text`);
    await q.query(`CREATE INDEX results_signed_file ON ${schemaOf(q)}.results (signed_file_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.results
      DROP COLUMN signed_file_id, DROP COLUMN signed_file_name, DROP COLUMN verification_code`);
  }
}
