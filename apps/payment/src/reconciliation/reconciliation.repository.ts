import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';

export interface ReconciliationReport {
  runId: number;
  /** Started payments looked at. */
  checked: number;
  /** Paid at the provider though no IPN said so. */
  succeeded: number;
  /** Refused or cancelled at the provider though no IPN said so. */
  failed: number;
  expired: number;
  /** The provider reports a state a person must look at. */
  disputed: number;
  /** The provider could not be asked (left for the next run). */
  unanswered: number;
}

/** reconciliation_runs: one row per run of the job, with what it found. */
@Injectable()
export class ReconciliationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async start(at: Date): Promise<number> {
    const { id } = await this.db
      .insertInto('reconciliation_runs')
      .values({ started_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(id);
  }

  async finish(report: ReconciliationReport, error: string | null): Promise<void> {
    await this.db
      .updateTable('reconciliation_runs')
      .set({
        finished_at: sql<Date>`now()`,
        checked: report.checked,
        succeeded: report.succeeded,
        failed: report.failed,
        expired: report.expired,
        disputed: report.disputed,
        unanswered: report.unanswered,
        error,
      })
      .where('id', '=', String(report.runId))
      .execute();
  }

  private get db() {
    return kyselyOf<DB>(this.dataSource.manager);
  }
}
