import { InjectQueue, OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { PermanentChannelError } from '../channels/channel';
import { UnknownAccountError } from '../contacts/account-contacts';
import { SMS_QUEUE, SmsJob, SmsService } from './sms.service';

/** Worker of the `sms` queue: one job is one SMS, retried with exponential backoff. */
@Processor(SMS_QUEUE)
export class SmsProcessor implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SmsProcessor.name);

  constructor(
    private readonly sms: SmsService,
    @InjectQueue(SMS_QUEUE) private readonly queue: Queue<SmsJob>,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  @Process({ concurrency: 4 })
  async send(job: Job<SmsJob>): Promise<void> {
    try {
      await this.sms.deliver(job.data.notificationId);
    } catch (err) {
      if (err instanceof PermanentChannelError || err instanceof UnknownAccountError) {
        await job.discard(); // retrying cannot help
      }
      throw err;
    }
  }

  @OnQueueFailed()
  onFailed(job: Job<SmsJob>, err: Error): void {
    const permanent = err instanceof PermanentChannelError || err instanceof UnknownAccountError;
    if (!permanent && job.attemptsMade < (job.opts.attempts ?? 1)) return; // Bull retries it
    this.logger.warn(`SMS for notification ${job.data.notificationId} not sent: ${err.message}`);
  }
}
