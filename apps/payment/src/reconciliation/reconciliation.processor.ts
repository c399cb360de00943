import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { PaymentConfig } from '../payment.config';
import { ReconciliationReport } from './reconciliation.repository';
import { ReconciliationService } from './reconciliation.service';

export const RECONCILE_QUEUE = 'payment-reconciliation';
export const RECONCILE_JOB = 'reconcile';

/**
 * A repeatable Bull job: every RECONCILE_INTERVAL_MINUTES one instance (whichever takes the
 * job) reconciles started payments with the provider and expires the lapsed ones. Registered
 * at start; a changed interval replaces the old schedule.
 */
@Processor(RECONCILE_QUEUE)
export class ReconciliationProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReconciliationProcessor.name);

  constructor(
    @InjectQueue(RECONCILE_QUEUE) private readonly queue: Queue,
    private readonly reconciliation: ReconciliationService,
    private readonly config: PaymentConfig,
  ) {}

  /** Not awaited: with Redis down the app still starts (readiness says so) and schedules once it is back. */
  onApplicationBootstrap(): void {
    this.schedule().catch((err: Error) =>
      this.logger.warn(`reconciliation schedule not registered: ${err.message}`),
    );
  }

  /** Finish the run in hand while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  private async schedule(): Promise<void> {
    const every = this.config.RECONCILE_INTERVAL_MINUTES * 60_000;
    for (const job of await this.queue.getRepeatableJobs()) {
      if (job.name === RECONCILE_JOB && Number(job.every) !== every) {
        await this.queue.removeRepeatableByKey(job.key);
      }
    }
    await this.queue.add(
      RECONCILE_JOB,
      {},
      { repeat: { every }, removeOnComplete: 10, removeOnFail: 50 },
    );
  }

  @Process(RECONCILE_JOB)
  run(): Promise<ReconciliationReport> {
    return this.reconciliation.run();
  }
}
