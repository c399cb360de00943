import { InjectQueue, OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { EMAIL_QUEUE, EmailJob } from './email.dto';
import { EmailService, PermanentDeliveryError } from './email.service';

/** Worker of the `email` queue: one job is one delivery, retried with exponential backoff. */
@Processor(EMAIL_QUEUE)
export class EmailProcessor implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EmailProcessor.name);

  constructor(
    private readonly emails: EmailService,
    @InjectQueue(EMAIL_QUEUE) private readonly queue: Queue<EmailJob>,
  ) {}

  /**
   * Finish the emails in hand while the database and the SMTP pool are still open (they
   * close in the shutdown phase, where @nestjs/bull would close the queue too late).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  @Process({ concurrency: 4 }) // emails sent at once by one process
  async send(job: Job<EmailJob>): Promise<void> {
    try {
      await this.emails.deliver(job.data.deliveryId);
    } catch (err) {
      if (err instanceof PermanentDeliveryError) await job.discard(); // Bull 4: fail now, no retry
      throw err;
    }
  }

  @OnQueueFailed()
  async onFailed(job: Job<EmailJob>, err: Error): Promise<void> {
    if (job.attemptsMade < (job.opts.attempts ?? 1)) return; // Bull retries it
    // Bull does not await queue listeners: a rejection here would go unhandled.
    await this.emails.giveUp(job.data.deliveryId, err.message).catch((e: Error) => {
      this.logger.error(
        `delivery ${job.data.deliveryId}: could not record the final failure: ${e.message}`,
      );
    });
  }
}
