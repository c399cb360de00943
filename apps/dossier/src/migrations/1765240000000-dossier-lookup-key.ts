import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * The lookup key (mã tra cứu) is kept to show again to the applicant on the dossier page and
 * in the confirmation email, not only once on the receipt. Public lookups still compare with
 * lookup_key_hash. Dossiers submitted before have none to show.
 */
export class DossierLookupKey1765240000000 implements MigrationInterface {
  name = 'DossierLookupKey1765240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.dossiers ADD COLUMN lookup_key text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.dossiers DROP COLUMN lookup_key`);
  }
}
