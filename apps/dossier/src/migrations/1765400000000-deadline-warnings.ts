import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Cảnh báo hạn xử lý: each dossier keeps the instant 80 % of its processing time is used
 * (`warn_at`, moved with the due date), and each warning sent is a row keyed by the due date
 * it warned about, so it goes once per date and again when the date changes.
 */
export class DeadlineWarnings1765400000000 implements MigrationInterface {
  name = 'DeadlineWarnings1765400000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.dossiers ADD COLUMN warn_at timestamptz`);
    await q.query(`CREATE INDEX dossiers_warn_at ON ${s}.dossiers (warn_at)
      WHERE warn_at IS NOT NULL AND status IN (2, 4)`);
    await q.query(`CREATE TABLE ${s}.deadline_warnings (
      dossier_id uuid NOT NULL REFERENCES ${s}.dossiers (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('due-soon', 'overdue')),
      due_at timestamptz NOT NULL,
      sent_at timestamptz NOT NULL,
      PRIMARY KEY (dossier_id, kind, due_at)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.deadline_warnings`);
    await q.query(`ALTER TABLE ${s}.dossiers DROP COLUMN warn_at`);
  }
}
