import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * The receipt (biên lai) is issued signed by the agency the first time it is asked for: the
 * signed copy and its verification code are kept. The agency is printed by its name.
 */
export class SignedReceipts1765410000000 implements MigrationInterface {
  name = 'SignedReceipts1765410000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.payments ADD COLUMN agency_name text`);
    await q.query(`ALTER TABLE ${s}.receipts
      ADD COLUMN file_id uuid,
      ADD COLUMN verification_code text`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.payments DROP COLUMN agency_name`);
    await q.query(`ALTER TABLE ${s}.receipts DROP COLUMN file_id, DROP COLUMN verification_code`);
  }
}
