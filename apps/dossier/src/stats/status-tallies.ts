import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import { DossierStatus } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import type { Dossier } from '../dossiers/dossiers.dto';
import { statusCode } from '../dossiers/status-machine';

/**
 * Statuses that settle a dossier (đã giải quyết): result ready, refused, stopped. A dossier
 * enters one at most once (RESULT_READY only leads to RETURNED, the others are final), so the
 * transition into one is its settling time; RETURNED is settled too, having passed RESULT_READY.
 */
export const SETTLING = [DossierStatus.RESULT_READY, DossierStatus.REFUSED, DossierStatus.STOPPED];
export const SETTLED = [...SETTLING, DossierStatus.RETURNED];

/** A received dossier's day of receipt in Vietnam (UTC+7), as the statistics group it. */
const vietnamDay = (at: Date) =>
  sql<string>`(${at}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/**
 * The tallies kept in the transaction of every status change (DossierWorkflow.apply), so
 * that the officer's tab counts and the agency statistics read a few rows instead of the
 * agencies' whole archive (D290, D291):
 * - `dossier_status_counts`: dossiers (drafts left out) per agency and status;
 * - `agency_stats_days`: per agency, day of receipt and procedure, the dossiers received,
 *   settled, and settled on time.
 * Both move by deltas (`n = n + 1`), so concurrent changes of one agency never lose one;
 * rows are touched in key order, so two transactions never wait on each other in a cycle.
 */
@Injectable()
export class StatusTallies {
  constructor(private readonly dataSource: DataSource) {}

  /** What one status change of `before` into `after`, at `at`, adds to the tallies. */
  async record(manager: EntityManager, before: Dossier, after: Dossier, at: Date): Promise<void> {
    const db = kyselyOf<DB>(manager);
    const from = statusCode(before.status);
    const to = statusCode(after.status);
    if (from !== to) {
      const deltas = [
        { agency_code: before.agencyCode, status: from, n: -1 },
        { agency_code: after.agencyCode, status: to, n: 1 },
      ]
        .filter((d) => d.status !== DossierStatus.DRAFT)
        .sort((a, b) => a.agency_code.localeCompare(b.agency_code) || a.status - b.status);
      if (deltas.length > 0)
        await db
          .insertInto('dossier_status_counts')
          .values(deltas)
          .onConflict((oc) =>
            oc
              .columns(['agency_code', 'status'])
              .doUpdateSet({ n: sql`dossier_status_counts.n + excluded.n` }),
          )
          .execute();
    }

    if (!after.receivedAt) return;
    const received = before.receivedAt === null ? 1 : 0;
    const settles = !SETTLED.includes(from as never) && SETTLING.includes(to as never);
    if (!received && !settles) return;
    const due = after.originalDueAt ?? after.dueAt;
    const onTime = settles && (due === null || at.getTime() <= due.getTime()) ? 1 : 0;
    await db
      .insertInto('agency_stats_days')
      .values({
        agency_code: after.agencyCode,
        day: vietnamDay(after.receivedAt),
        procedure_code: after.procedure.code,
        procedure_name: after.procedure.name,
        received,
        finished: settles ? 1 : 0,
        on_time: onTime,
      })
      .onConflict((oc) =>
        oc.columns(['agency_code', 'day', 'procedure_code']).doUpdateSet({
          procedure_name: sql`GREATEST(agency_stats_days.procedure_name, excluded.procedure_name)`,
          received: sql`agency_stats_days.received + excluded.received`,
          finished: sql`agency_stats_days.finished + excluded.finished`,
          on_time: sql`agency_stats_days.on_time + excluded.on_time`,
        }),
      )
      .execute();
  }

  /** Dossiers per status (drafts left out) over the agencies: the officer's unfiltered tabs. */
  async statusCounts(agencies: string[]): Promise<{ status: number; n: number }[]> {
    const rows = await kyselyOf<DB>(this.dataSource.manager)
      .selectFrom('dossier_status_counts')
      .select(['status', sql<string>`sum(n)`.as('n')])
      .where('agency_code', '=', sql<string>`ANY(${agencies}::text[])`)
      .groupBy('status')
      .execute();
    return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
  }
}

/**
 * Recomputes both tallies of a schema from its dossiers and their history: what the
 * migration backfills, and what a bulk load straight into the tables (bench --large) runs.
 */
export function rebuildStatusTalliesSql(schema: string): string[] {
  const settling = `ARRAY[${SETTLING.join(',')}]::smallint[]`;
  return [
    `TRUNCATE ${schema}.dossier_status_counts, ${schema}.agency_stats_days`,
    `INSERT INTO ${schema}.dossier_status_counts (agency_code, status, n)
     SELECT agency_code, status, count(*) FROM ${schema}.dossiers
      WHERE status <> ${DossierStatus.DRAFT} GROUP BY agency_code, status`,
    `INSERT INTO ${schema}.agency_stats_days
       (agency_code, day, procedure_code, procedure_name, received, finished, on_time)
     SELECT d.agency_code, (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, d.procedure_code,
            max(d.procedure->>'name'), count(*),
            count(*) FILTER (WHERE s.at IS NOT NULL),
            count(*) FILTER (WHERE s.at IS NOT NULL
              AND (COALESCE(d.original_due_at, d.due_at) IS NULL
                   OR s.at <= COALESCE(d.original_due_at, d.due_at)))
       FROM ${schema}.dossiers d
       LEFT JOIN (SELECT dossier_id, min(at) AS at FROM ${schema}.status_history
                   WHERE to_status = ANY(${settling}) GROUP BY dossier_id) s
         ON s.dossier_id = d.id
      WHERE d.received_at IS NOT NULL
      GROUP BY 1, 2, 3`,
  ];
}
