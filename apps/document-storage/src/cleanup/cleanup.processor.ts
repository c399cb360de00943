import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { StorageConfig } from '../storage.config';
import { CleanupReport, CleanupService } from './cleanup.service';

export const CLEANUP_QUEUE = 'storage-cleanup';
const CLEANUP_JOB = 'cleanup';

/**
 * A repeatable Bull job: every CLEANUP_INTERVAL_MINUTES one instance (whichever takes the
 * job) runs the cleanup. Registered at start; a changed interval replaces the old schedule.
 */
@Processor(CLEANUP_QUEUE)
export class CleanupProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(CleanupProcessor.name);

  constructor(
    @InjectQueue(CLEANUP_QUEUE) private readonly queue: Queue,
    private readonly cleanup: CleanupService,
    private readonly config: StorageConfig,
  ) {}

  /** Not awaited: with Redis down the app still starts (readiness says so) and schedules once it is back. */
  onApplicationBootstrap(): void {
    this.schedule().catch((err: Error) =>
      this.logger.warn(`cleanup schedule not registered: ${err.message}`),
    );
  }

  private async schedule(): Promise<void> {
    const every = this.config.CLEANUP_INTERVAL_MINUTES * 60_000;
    for (const job of await this.queue.getRepeatableJobs()) {
      if (job.name === CLEANUP_JOB && Number(job.every) !== every) {
        await this.queue.removeRepeatableByKey(job.key);
      }
    }
    await this.queue.add(
      CLEANUP_JOB,
      {},
      { repeat: { every }, removeOnComplete: 10, removeOnFail: 50 },
    );
  }

  @Process(CLEANUP_JOB)
  run(): Promise<CleanupReport> {
    return this.cleanup.run();
  }
}
