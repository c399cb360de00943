import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Documents a service draws itself (dossier receipt, payment receipt, apology letter) are issued
 * once per what they are of: `source_key` (`apology:<id>`, `payment-receipt:<id>`…).
 */
export class DrawnDocuments1765410000000 implements MigrationInterface {
  name = 'DrawnDocuments1765410000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.issued_documents ADD COLUMN source_key text`);
    await q.query(
      `CREATE UNIQUE INDEX issued_documents_source_key ON ${s}.issued_documents (source_key)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.issued_documents DROP COLUMN source_key`);
  }
}
