import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Chỉ số phục vụ (public scores), an incremental read model fed by the dossier events:
 * `score_facts` holds what the events told of each dossier (one row a dossier, merged in any
 * order), `agency_scores` the counts per agency and month (Vietnam time) of settlement, moved
 * by the difference each fact's change makes, so a request reads one row per agency.
 */
export class AgencyScores1766000000000 implements MigrationInterface {
  name = 'AgencyScores1766000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.score_facts (
      dossier_id uuid PRIMARY KEY,
      agency_code text NOT NULL,
      due_at timestamptz,
      due_set_at timestamptz,
      settled_at timestamptz,
      result_at timestamptz,
      delivery_method text,
      delivery_at timestamptz,
      fee_requested boolean NOT NULL DEFAULT false,
      paid_online boolean NOT NULL DEFAULT false,
      rating_score smallint
    )`);
    await q.query(`CREATE TABLE ${s}.agency_scores (
      agency_code text NOT NULL,
      period char(7) NOT NULL,
      dossiers integer NOT NULL DEFAULT 0,
      on_time integer NOT NULL DEFAULT 0,
      fully_online integer NOT NULL DEFAULT 0,
      with_fee integer NOT NULL DEFAULT 0,
      paid_online integer NOT NULL DEFAULT 0,
      with_result integer NOT NULL DEFAULT 0,
      e_result integer NOT NULL DEFAULT 0,
      ratings integer NOT NULL DEFAULT 0,
      satisfied integer NOT NULL DEFAULT 0,
      score_sum integer NOT NULL DEFAULT 0,
      PRIMARY KEY (period, agency_code)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.agency_scores`);
    await q.query(`DROP TABLE ${s}.score_facts`);
  }
}
