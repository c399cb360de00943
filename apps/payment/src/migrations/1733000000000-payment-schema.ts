import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

const PAYMENT_STATUSES = `'created', 'started', 'success', 'failed', 'cancelled', 'expired', 'error'`;
const ATTEMPT_STATUSES = `'pending', 'success', 'failed', 'cancelled', 'expired', 'disputed'`;

/**
 * Payments (one per dossier fee request, plus the retries that replace a failed one), their
 * attempts at the provider, every provider callback as received, receipts and the runs of the
 * reconciliation job.
 */
export class PaymentSchema1733000000000 implements MigrationInterface {
  name = 'PaymentSchema1733000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);

    // requested_at is the dossier's request (its event's `at`): with dossier_id it names the
    // request, so a redelivered or republished event creates nothing twice.
    await q.query(`CREATE TABLE ${s}.payments (
      id uuid PRIMARY KEY,
      dossier_id uuid NOT NULL,
      dossier_code text NOT NULL,
      applicant_id uuid NOT NULL,
      agency_code text NOT NULL,
      procedure_code text NOT NULL,
      procedure_name text NOT NULL,
      amount bigint NOT NULL CHECK (amount > 0),
      description text NOT NULL,
      at_submission boolean NOT NULL,
      requested_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN (${PAYMENT_STATUSES})),
      status_reason text,
      method text,
      retry_of uuid REFERENCES ${s}.payments (id),
      next_payment_id uuid REFERENCES ${s}.payments (id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      started_at timestamptz,
      expires_at timestamptz,
      finished_at timestamptz,
      paid_at timestamptz,
      transaction_no text,
      CHECK (status <> 'created' OR started_at IS NULL),
      CHECK (status IN ('created', 'cancelled') OR (started_at IS NOT NULL AND expires_at IS NOT NULL)),
      CHECK (status <> 'success' OR (paid_at IS NOT NULL AND transaction_no IS NOT NULL))
    )`);
    await q.query(
      `CREATE UNIQUE INDEX payments_one_per_request ON ${s}.payments (dossier_id, requested_at) WHERE retry_of IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX payments_one_retry ON ${s}.payments (retry_of) WHERE retry_of IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX payments_applicant ON ${s}.payments (applicant_id, created_at DESC)`,
    );
    await q.query(`CREATE INDEX payments_dossier ON ${s}.payments (dossier_id)`);
    await q.query(
      `CREATE INDEX payments_started ON ${s}.payments (expires_at) WHERE status = 'started'`,
    );

    // One checkout at the provider: its own vnp_TxnRef, and how it ended.
    await q.query(`CREATE TABLE ${s}.attempts (
      id uuid PRIMARY KEY,
      payment_id uuid NOT NULL REFERENCES ${s}.payments (id),
      txn_ref text NOT NULL UNIQUE,
      provider text NOT NULL,
      method text NOT NULL,
      amount bigint NOT NULL CHECK (amount > 0),
      order_info text NOT NULL,
      url text NOT NULL,
      ip_addr text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN (${ATTEMPT_STATUSES})),
      response_code text,
      transaction_status text,
      transaction_no text,
      bank_code text,
      pay_date timestamptz,
      settled_at timestamptz,
      settled_by text CHECK (settled_by IN ('ipn', 'reconciliation', 'expiry', 'dossier')),
      note text
    )`);
    await q.query(`CREATE INDEX attempts_payment ON ${s}.attempts (payment_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX attempts_disputed ON ${s}.attempts (settled_at) WHERE status = 'disputed'`,
    );

    // Every IPN exactly as it arrived, with what we answered: an audit trail, append-only.
    await q.query(`CREATE TABLE ${s}.provider_callbacks (
      id bigserial PRIMARY KEY,
      provider text NOT NULL,
      raw_query text NOT NULL,
      params jsonb NOT NULL,
      signature_valid boolean NOT NULL,
      txn_ref text,
      payment_id uuid,
      outcome text NOT NULL,
      rsp_code text NOT NULL,
      source_ip text,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX provider_callbacks_txn ON ${s}.provider_callbacks (txn_ref, received_at)`,
    );
    await q.query(`CREATE FUNCTION ${s}.provider_callbacks_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'provider_callbacks is append-only: % refused', TG_OP
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`CREATE TRIGGER provider_callbacks_no_change BEFORE UPDATE OR DELETE ON ${s}.provider_callbacks
      FOR EACH ROW EXECUTE FUNCTION ${s}.provider_callbacks_append_only()`);
    await q.query(`CREATE TRIGGER provider_callbacks_no_truncate BEFORE TRUNCATE ON ${s}.provider_callbacks
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.provider_callbacks_append_only()`);

    // Biên lai: numbered gap-free per year in the transaction of the success. The payer's
    // name is taken from identity when the owner first downloads it, then never changes.
    await q.query(`CREATE TABLE ${s}.receipts (
      payment_id uuid PRIMARY KEY REFERENCES ${s}.payments (id),
      receipt_number text NOT NULL UNIQUE,
      issued_at timestamptz NOT NULL,
      payer_name text
    )`);
    await q.query(`CREATE TABLE ${s}.receipt_counters (
      year integer PRIMARY KEY,
      last integer NOT NULL
    )`);

    await q.query(`CREATE TABLE ${s}.reconciliation_runs (
      id bigserial PRIMARY KEY,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      checked integer NOT NULL DEFAULT 0,
      succeeded integer NOT NULL DEFAULT 0,
      failed integer NOT NULL DEFAULT 0,
      expired integer NOT NULL DEFAULT 0,
      disputed integer NOT NULL DEFAULT 0,
      unanswered integer NOT NULL DEFAULT 0,
      error text
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.reconciliation_runs`);
    await q.query(`DROP TABLE ${s}.receipt_counters`);
    await q.query(`DROP TABLE ${s}.receipts`);
    await q.query(`DROP TABLE ${s}.provider_callbacks`);
    await q.query(`DROP FUNCTION ${s}.provider_callbacks_append_only()`);
    await q.query(`DROP TABLE ${s}.attempts`);
    await q.query(`DROP TABLE ${s}.payments`);
  }
}
