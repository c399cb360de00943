import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Phản ánh, kiến nghị (PAKN): the question, who asked (an account, or only a contact the
 * public never sees), the agency it is for, the answer and whether it is published.
 * `search_folded`: title, content and answer without accents, for the public search.
 */
export class Feedback1733300000000 implements MigrationInterface {
  name = 'Feedback1733300000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE SEQUENCE ${s}.feedback_number`);
    await q.query(`CREATE TABLE ${s}.feedback (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      lookup_key_hash bytea NOT NULL,
      asker_id uuid,
      contact jsonb,
      title text NOT NULL,
      content text NOT NULL,
      agency_code text,
      dossier_code text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'answered')),
      submitted_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      answer text,
      answered_at timestamptz,
      answered_by uuid,
      published boolean NOT NULL DEFAULT false,
      search_folded text NOT NULL
    )`);
    await q.query(
      `CREATE INDEX feedback_agency_due ON ${s}.feedback (agency_code, status, due_at)`,
    );
    await q.query(
      `CREATE INDEX feedback_published ON ${s}.feedback (answered_at DESC) WHERE published`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.feedback`);
    await q.query(`DROP SEQUENCE ${s}.feedback_number`);
  }
}
