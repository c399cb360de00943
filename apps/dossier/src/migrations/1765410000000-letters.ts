import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Signed letters of a dossier: the receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả) issued on
 * `receive`, and the apologies (phiếu xin lỗi và hẹn lại ngày trả kết quả), each moving the
 * due date. The due date before the first apology is kept: on-time figures count against it.
 */
export class Letters1765410000000 implements MigrationInterface {
  name = 'Letters1765410000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.dossiers
      ADD COLUMN original_due_at timestamptz,
      ADD COLUMN receipt_file_id uuid,
      ADD COLUMN receipt_file_name text,
      ADD COLUMN receipt_verification_code text,
      ADD COLUMN receipt_issued_at timestamptz`);
    await q.query(`CREATE TABLE ${s}.apologies (
      id uuid PRIMARY KEY,
      dossier_id uuid NOT NULL REFERENCES ${s}.dossiers (id),
      reason text NOT NULL,
      previous_due_at timestamptz NOT NULL,
      new_due_at timestamptz NOT NULL,
      by_account_id uuid,
      by_role text NOT NULL,
      file_id uuid NOT NULL,
      file_name text NOT NULL,
      verification_code text NOT NULL,
      issued_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX apologies_dossier ON ${s}.apologies (dossier_id, issued_at)`);
    await q.query(`CREATE INDEX apologies_file ON ${s}.apologies (file_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.apologies`);
    await q.query(`ALTER TABLE ${s}.dossiers
      DROP COLUMN original_due_at, DROP COLUMN receipt_file_id, DROP COLUMN receipt_file_name,
      DROP COLUMN receipt_verification_code, DROP COLUMN receipt_issued_at`);
  }
}
