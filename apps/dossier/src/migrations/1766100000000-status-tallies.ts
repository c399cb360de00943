import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';
import { rebuildStatusTalliesSql } from '../stats/status-tallies';

/**
 * Tallies kept by every status change, in its transaction (D290, D291): dossiers per agency
 * and status (the officer's tab counts), and per agency, day of receipt and procedure the
 * dossiers received, settled and settled on time (the agency statistics), backfilled from the
 * dossiers and their history. The statistics' overdue-and-unsettled part is read live, from
 * an index of the unsettled received dossiers by due date.
 */
export class StatusTallies1766100000000 implements MigrationInterface {
  name = 'StatusTallies1766100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.dossier_status_counts (
      agency_code text NOT NULL,
      status smallint NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (agency_code, status)
    )`);
    await q.query(`CREATE TABLE ${s}.agency_stats_days (
      agency_code text NOT NULL,
      day date NOT NULL,
      procedure_code text NOT NULL,
      procedure_name text NOT NULL,
      received integer NOT NULL DEFAULT 0,
      finished integer NOT NULL DEFAULT 0,
      on_time integer NOT NULL DEFAULT 0,
      PRIMARY KEY (agency_code, day, procedure_code)
    )`);
    // Received and not settled (RESULT_READY, REFUSED, STOPPED, RETURNED), by the due date the
    // statistics judge by: the live "overdue" of the statistics, from the index alone.
    await q.query(
      `CREATE INDEX dossiers_unsettled_due ON ${s}.dossiers
         (agency_code, (COALESCE(original_due_at, due_at)), received_at, procedure_code)
         WHERE received_at IS NOT NULL AND status NOT IN (3, 8, 9, 10)`,
    );
    for (const statement of rebuildStatusTalliesSql(s)) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP INDEX ${s}.dossiers_unsettled_due`);
    await q.query(`DROP TABLE ${s}.agency_stats_days`);
    await q.query(`DROP TABLE ${s}.dossier_status_counts`);
  }
}
