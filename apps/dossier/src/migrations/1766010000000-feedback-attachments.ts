import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Tệp đính kèm of a PAKN: the bodies live in document-storage (checked, capped and scanned
 * there like a dossier's), here which question has which file.
 */
export class FeedbackAttachments1766010000000 implements MigrationInterface {
  name = 'FeedbackAttachments1766010000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.feedback_attachments (
      id uuid PRIMARY KEY,
      feedback_id uuid NOT NULL REFERENCES ${s}.feedback(id),
      file_id uuid NOT NULL UNIQUE,
      file_name text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL,
      sha256 text NOT NULL,
      attached_at timestamptz NOT NULL
    )`);
    await q.query(
      `CREATE INDEX feedback_attachments_feedback ON ${s}.feedback_attachments (feedback_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${schemaOf(q)}.feedback_attachments`);
  }
}
