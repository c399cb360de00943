import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { DossierConfig } from '../dossier.config';
import { DeadlineWarnings } from './deadline-warnings';

export const DEADLINE_QUEUE = 'dossier-deadlines';
export const DEADLINE_JOB = 'warn';

/**
 * A repeatable Bull job: every DEADLINE_CHECK_SECONDS one instance (whichever takes the job)
 * sends the deadline warnings that fell due. Every instance registers the same schedule, which
 * Bull keeps once; a changed interval replaces the old one.
 */
@Processor(DEADLINE_QUEUE)
export class DeadlineWarningsProcessor
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(DeadlineWarningsProcessor.name);

  constructor(
    @InjectQueue(DEADLINE_QUEUE) private readonly queue: Queue,
    private readonly warnings: DeadlineWarnings,
    private readonly config: DossierConfig,
  ) {}

  /** Not awaited: with Redis down the app still starts (readiness says so). */
  onApplicationBootstrap(): void {
    this.schedule().catch((err: Error) =>
      this.logger.warn(`deadline warning schedule not registered: ${err.message}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  private async schedule(): Promise<void> {
    const every = this.config.DEADLINE_CHECK_SECONDS * 1000;
    for (const job of await this.queue.getRepeatableJobs()) {
      if (job.name === DEADLINE_JOB && Number(job.every) !== every) {
        await this.queue.removeRepeatableByKey(job.key);
      }
    }
    await this.queue.add(
      DEADLINE_JOB,
      {},
      { repeat: { every }, removeOnComplete: 10, removeOnFail: 50 },
    );
  }

  @Process(DEADLINE_JOB)
  run(): Promise<number> {
    return this.warnings.run();
  }
}
