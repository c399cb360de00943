import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import type { EntityManager } from 'typeorm';
import { NotificationConfig } from '../notification.config';
import { EmailDeliveriesRepository } from './email-deliveries.repository';
import { renderEmail } from './email-renderer';
import { EMAIL_QUEUE, EmailJob, EmailRequest } from './email.dto';
import { Mailer, isPermanentSmtpError } from './mailer';

/** The SMTP server refused the email for good: retrying cannot help. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/** Email deliveries: recorded with the event that caused them, sent by the `email` queue. */
@Injectable()
export class EmailService {
  private readonly logger = new Logger(EmailService.name);

  constructor(
    private readonly config: NotificationConfig,
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly mailer: Mailer,
    @InjectQueue(EMAIL_QUEUE) private readonly queue: Queue<EmailJob>,
  ) {}

  /**
   * Records the email in the event's transaction and queues it. Queuing before the commit
   * is safe: the job id is the delivery id (Bull keeps one job per id), and the job waits
   * for this transaction and sends nothing if it rolled back.
   */
  async schedule(manager: EntityManager, eventId: string, request: EmailRequest): Promise<void> {
    const email = renderEmail(request, { publicUrl: this.config.PUBLIC_URL });
    const deliveryId = await this.deliveries.create(manager, {
      eventId,
      template: request.template,
      locale: request.locale,
      accountId: request.accountId,
      to: request.to,
      ...email,
    });
    if (!deliveryId) return; // this event's email exists already
    await this.queue.add(
      { deliveryId },
      {
        jobId: deliveryId,
        attempts: this.config.EMAIL_MAX_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.config.EMAIL_BACKOFF_MS },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
  }

  /** One attempt at sending a delivery; throws when the attempt failed. */
  async deliver(deliveryId: string): Promise<void> {
    const delivery = await this.deliveries.claim(deliveryId);
    if (!delivery) {
      this.logger.log(
        `delivery ${deliveryId} is not pending (finished, or its event was rolled back)`,
      );
      return;
    }
    let messageId: string;
    try {
      messageId = await this.mailer.send(delivery);
    } catch (err) {
      const reason = (err as Error).message;
      if (isPermanentSmtpError(err)) {
        await this.deliveries.markFailed(deliveryId, 'permanent-failure', reason);
        throw new PermanentDeliveryError(reason);
      }
      await this.deliveries.markFailed(deliveryId, 'temporary-failure', reason);
      throw err;
    }
    await this.deliveries.markDelivered(deliveryId, messageId);
  }

  /** The queue ran out of attempts: a temporary failure becomes permanent. */
  async giveUp(deliveryId: string, reason: string): Promise<void> {
    if (await this.deliveries.giveUp(deliveryId, reason)) {
      this.logger.warn(
        `delivery ${deliveryId} failed after ${this.config.EMAIL_MAX_ATTEMPTS} attempts: ${reason}`,
      );
    }
  }
}
