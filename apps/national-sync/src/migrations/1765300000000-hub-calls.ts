import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * The calls to the national hub still to make, made, or parked (an outbox of HTTP calls): one
 * row per call, its id the stable idempotency key the hub sees. Per dossier they go out in
 * `(event_at, seq)` order; `due_at` is when the next attempt may run (backoff).
 */
export class HubCalls1765300000000 implements MigrationInterface {
  name = 'HubCalls1765300000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.hub_calls (
      id uuid PRIMARY KEY,
      -- arrival order, the tie-break of calls carrying the same event time
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      dossier_id uuid NOT NULL,
      dossier_code text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('dossier-sync', 'progress-update', 'result')),
      -- the hub's service name (DongBoHoSoMC, CapNhatTienDoHoSoMC) and the one record it sends
      service text NOT NULL,
      status_code smallint NOT NULL,
      payload jsonb NOT NULL,
      event_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      due_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      last_attempt_at timestamptz,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    // The calls not yet accepted, per dossier in order: the dispatcher's and the summary's reads.
    await q.query(
      `CREATE INDEX hub_calls_unsent ON ${s}.hub_calls (dossier_code, event_at, seq)
       WHERE status <> 'sent'`,
    );
    await q.query(
      `CREATE INDEX hub_calls_sent_at ON ${s}.hub_calls (sent_at) WHERE status = 'sent'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${schemaOf(q)}.hub_calls`);
  }
}
