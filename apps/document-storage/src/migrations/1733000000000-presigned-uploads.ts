import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Uploads by presigned URL (agency systems' result files): the row exists from the moment
 * the URL is handed out, `pending`, knowing nothing of the bytes yet (no size, no SHA-256)
 * until the upload is finalized. An upload never finalized is removed after it expired.
 */
export class PresignedUploads1733000000000 implements MigrationInterface {
  name = 'PresignedUploads1733000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.files DROP CONSTRAINT files_status_check`);
    await q.query(`ALTER TABLE ${s}.files ADD CONSTRAINT files_status_check
      CHECK (status IN ('pending', 'clean', 'infected', 'deleted'))`);
    await q.query(`ALTER TABLE ${s}.files
      ALTER COLUMN size DROP NOT NULL,
      ALTER COLUMN sha256 DROP NOT NULL,
      ADD COLUMN upload_expires_at timestamptz`);
    await q.query(`ALTER TABLE ${s}.files ADD CONSTRAINT files_pending_bytes_unknown CHECK (
      (status = 'pending') = (size IS NULL)
      AND (status = 'pending') = (sha256 IS NULL)
      AND (status <> 'pending' OR upload_expires_at IS NOT NULL))`);
    await q.query(
      `CREATE INDEX files_pending ON ${s}.files (upload_expires_at) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DELETE FROM ${s}.files WHERE status = 'pending'`);
    await q.query(`DROP INDEX ${s}.files_pending`);
    await q.query(`ALTER TABLE ${s}.files DROP CONSTRAINT files_pending_bytes_unknown`);
    await q.query(`ALTER TABLE ${s}.files
      DROP COLUMN upload_expires_at,
      ALTER COLUMN size SET NOT NULL,
      ALTER COLUMN sha256 SET NOT NULL`);
    await q.query(`ALTER TABLE ${s}.files DROP CONSTRAINT files_status_check`);
    await q.query(`ALTER TABLE ${s}.files ADD CONSTRAINT files_status_check
      CHECK (status IN ('clean', 'infected', 'deleted'))`);
  }
}
