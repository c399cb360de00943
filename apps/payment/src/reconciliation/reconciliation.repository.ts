import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

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
    const [{ id }]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO reconciliation_runs (started_at) VALUES ($1) RETURNING id`,
      [at],
    );
    return Number(id);
  }

  async finish(report: ReconciliationReport, error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE reconciliation_runs SET finished_at = now(), checked = $2, succeeded = $3,
         failed = $4, expired = $5, disputed = $6, unanswered = $7, error = $8 WHERE id = $1`,
      [
        report.runId,
        report.checked,
        report.succeeded,
        report.failed,
        report.expired,
        report.disputed,
        report.unanswered,
        error,
      ],
    );
  }
}
