import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Đánh giá mức độ hài lòng: one rating per dossier (the primary key makes "once" hold under
 * concurrency), with the agency and procedure copied so an agency's ratings list without a join.
 */
export class Ratings1733200000000 implements MigrationInterface {
  name = 'Ratings1733200000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.ratings (
      dossier_id uuid PRIMARY KEY REFERENCES ${s}.dossiers(id),
      applicant_id uuid NOT NULL,
      agency_code text NOT NULL,
      score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
      criteria jsonb NOT NULL DEFAULT '{}'::jsonb,
      comment text,
      rated_at timestamptz NOT NULL
    )`);
    await q.query(
      `CREATE INDEX ratings_agency_rated_at ON ${s}.ratings (agency_code, rated_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${schemaOf(q)}.ratings`);
  }
}
