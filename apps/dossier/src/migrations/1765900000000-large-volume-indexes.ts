import { MigrationInterface, QueryRunner } from 'typeorm';
import { createExtensionSql, schemaOf } from '@dvc/database';

/**
 * Indexes for a province's million dossiers (`npm run bench -- --large`, docs/performance.md):
 * - the officer queue's tabs, marks and counts read from the index alone (agency, status and
 *   every column of the order), replacing the (agency, due date) index;
 * - the officer's search by code or applicant name fragment (trigrams) and by ID number;
 * - the agency statistics by month of receipt.
 */
export class LargeVolumeIndexes1765900000000 implements MigrationInterface {
  name = 'LargeVolumeIndexes1765900000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(createExtensionSql('pg_trgm'));
    await q.query(`DROP INDEX ${s}.dossiers_officer_queue`);
    await q.query(
      `CREATE INDEX dossiers_officer_queue ON ${s}.dossiers
         (agency_code, status, due_at, warn_at, submitted_at, id) WHERE status <> 0`,
    );
    await q.query(
      `CREATE INDEX dossiers_code_trgm ON ${s}.dossiers USING gin (code public.gin_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX dossiers_applicant_name_trgm ON ${s}.dossiers
         USING gin (applicant_name_folded public.gin_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX dossiers_applicant_id_number ON ${s}.dossiers ((applicant->>'idNumber'))`,
    );
    await q.query(
      `CREATE INDEX dossiers_agency_received ON ${s}.dossiers (agency_code, received_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    for (const index of [
      'dossiers_agency_received',
      'dossiers_applicant_id_number',
      'dossiers_applicant_name_trgm',
      'dossiers_code_trgm',
      'dossiers_officer_queue',
    ])
      await q.query(`DROP INDEX ${s}.${index}`);
    await q.query(
      `CREATE INDEX dossiers_officer_queue ON ${s}.dossiers (agency_code, due_at) WHERE status <> 0`,
    );
  }
}
