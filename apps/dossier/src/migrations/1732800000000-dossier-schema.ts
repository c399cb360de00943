import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Dossiers (hồ sơ) with their attachments, results, append-only status history, the daily
 * code counters and the Idempotency-Key answers of submit.
 */
export class DossierSchema1732800000000 implements MigrationInterface {
  name = 'DossierSchema1732800000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);

    // procedure: the catalogue record as it was when the draft was created, so later
    // catalogue edits do not change a dossier in flight. applicant: taken at submission.
    await q.query(`CREATE TABLE ${s}.dossiers (
      id uuid PRIMARY KEY,
      code text UNIQUE,
      lookup_key_hash bytea,
      applicant_id uuid NOT NULL,
      applicant jsonb,
      applicant_name_folded text,
      procedure jsonb NOT NULL,
      procedure_code text NOT NULL,
      case_id text NOT NULL,
      agency_code text NOT NULL,
      status smallint NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 10),
      paused_from smallint CHECK (paused_from BETWEEN 0 AND 10),
      form_data jsonb NOT NULL DEFAULT '{}'::jsonb,
      delivery_method text NOT NULL CHECK (delivery_method IN ('online', 'post', 'desk')),
      delivery_address jsonb,
      delivery_tracking text,
      receipt_number text,
      submitted_at timestamptz,
      received_at timestamptz,
      due_at timestamptz,
      paused_at timestamptz,
      paused_working_minutes_remaining integer,
      payment_amount bigint CHECK (payment_amount >= 0),
      supplement_request jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 0,
      CHECK ((status = 0) = (code IS NULL)),
      CHECK (status = 0 OR (lookup_key_hash IS NOT NULL AND applicant IS NOT NULL AND submitted_at IS NOT NULL))
    )`);
    await q.query(
      `CREATE INDEX dossiers_applicant ON ${s}.dossiers (applicant_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX dossiers_officer_queue ON ${s}.dossiers (agency_code, due_at) WHERE status <> 0`,
    );

    // thành phần hồ sơ: files in component slots. Removing one keeps the row (removed_at).
    await q.query(`CREATE TABLE ${s}.attachments (
      id uuid PRIMARY KEY,
      dossier_id uuid NOT NULL REFERENCES ${s}.dossiers (id),
      component_id text NOT NULL,
      file_id uuid NOT NULL,
      file_name text NOT NULL,
      content_type text NOT NULL,
      size bigint NOT NULL CHECK (size >= 0),
      sha256 text NOT NULL,
      source text NOT NULL CHECK (source IN ('upload', 'wallet')),
      supplement boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      removed_at timestamptz
    )`);
    await q.query(`CREATE INDEX attachments_dossier ON ${s}.attachments (dossier_id)`);
    // A stored file fills one slot of one dossier at a time.
    await q.query(
      `CREATE UNIQUE INDEX attachments_active_file ON ${s}.attachments (file_id) WHERE removed_at IS NULL`,
    );

    // kết quả: files the officer uploaded as the result.
    await q.query(`CREATE TABLE ${s}.results (
      id uuid PRIMARY KEY,
      dossier_id uuid NOT NULL REFERENCES ${s}.dossiers (id),
      file_id uuid NOT NULL UNIQUE,
      file_name text NOT NULL,
      content_type text NOT NULL,
      size bigint NOT NULL CHECK (size >= 0),
      sha256 text NOT NULL,
      added_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX results_dossier ON ${s}.results (dossier_id)`);

    await q.query(`CREATE TABLE ${s}.status_history (
      id bigserial PRIMARY KEY,
      dossier_id uuid NOT NULL REFERENCES ${s}.dossiers (id),
      from_status smallint CHECK (from_status BETWEEN 0 AND 10),
      to_status smallint NOT NULL CHECK (to_status BETWEEN 0 AND 10),
      action text NOT NULL,
      by_account_id uuid,
      by_role text NOT NULL CHECK (by_role IN ('citizen', 'officer', 'agency-system', 'system')),
      note text,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX status_history_dossier ON ${s}.status_history (dossier_id, id)`);
    // Append-only: the application role owns the table, so privileges cannot forbid
    // changes; a trigger refuses them (TRUNCATE included).
    await q.query(`CREATE FUNCTION ${s}.status_history_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'status_history is append-only: % refused', TG_OP
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`CREATE TRIGGER status_history_no_change BEFORE UPDATE OR DELETE ON ${s}.status_history
      FOR EACH ROW EXECUTE FUNCTION ${s}.status_history_append_only()`);
    await q.query(`CREATE TRIGGER status_history_no_truncate BEFORE TRUNCATE ON ${s}.status_history
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.status_history_append_only()`);

    await q.query(`CREATE TABLE ${s}.code_counters (
      agency_code text NOT NULL,
      day date NOT NULL,
      last integer NOT NULL,
      PRIMARY KEY (agency_code, day)
    )`);

    // The answer of a submit made with an Idempotency-Key, for replays (lookup key sealed).
    await q.query(`CREATE TABLE ${s}.idempotency_keys (
      account_id uuid NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (account_id, key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.idempotency_keys`);
    await q.query(`DROP TABLE ${s}.code_counters`);
    await q.query(`DROP TABLE ${s}.status_history`);
    await q.query(`DROP FUNCTION ${s}.status_history_append_only()`);
    await q.query(`DROP TABLE ${s}.results`);
    await q.query(`DROP TABLE ${s}.attachments`);
    await q.query(`DROP TABLE ${s}.dossiers`);
  }
}
