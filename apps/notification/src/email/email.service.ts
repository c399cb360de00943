import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import type { EntityManager } from 'typeorm';
import type { AccountContactView } from '@dvc/contracts';
import { AccountContacts, UnknownAccountError } from '../contacts/account-contacts';
import { NotificationConfig } from '../notification.config';
import { AddressedEmail, EmailDeliveriesRepository } from './email-deliveries.repository';
import { carriesSealedToken, renderEmail, renderSubject } from './email-renderer';
import { TokenOpener } from './token-opener';
import {
  AccountEmailRequest,
  EMAIL_QUEUE,
  EmailJob,
  EmailRequest,
  PendingDelivery,
  UnaddressedDelivery,
  UnrenderedDelivery,
} from './email.dto';
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
    private readonly contacts: AccountContacts,
    private readonly tokens: TokenOpener,
    @InjectQueue(EMAIL_QUEUE) private readonly queue: Queue<EmailJob>,
  ) {}

  /**
   * Records the email in the event's transaction and queues it. Queuing before the commit
   * is safe: the job id is the delivery id (Bull keeps one job per id), and the job waits
   * for this transaction and sends nothing if it rolled back.
   */
  async schedule(manager: EntityManager, eventId: string, request: EmailRequest): Promise<void> {
    if (carriesSealedToken(request)) {
      const subject = renderSubject(request, { publicUrl: this.config.PUBLIC_URL });
      const id = await this.deliveries.createUnrendered(manager, eventId, request, subject);
      if (id) await this.enqueue(id);
      return;
    }
    const email = renderEmail(request, { publicUrl: this.config.PUBLIC_URL });
    const deliveryId = await this.deliveries.create(manager, {
      eventId,
      template: request.template,
      locale: request.locale,
      accountId: request.accountId,
      to: request.to,
      ...email,
    });
    if (deliveryId) await this.enqueue(deliveryId); // else this event's email exists already
  }

  /**
   * Records an email to an account holder in the event's transaction and queues it, like
   * `schedule`; the address, name and language are asked of identity when it is sent, so an
   * identity outage delays the email, never the event (nor its bell notification).
   */
  async scheduleForAccount(
    manager: EntityManager,
    eventId: string,
    request: AccountEmailRequest,
  ): Promise<void> {
    const deliveryId = await this.deliveries.createForAccount(manager, eventId, request);
    if (deliveryId) await this.enqueue(deliveryId);
  }

  private async enqueue(deliveryId: string): Promise<void> {
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
    const claimed = await this.deliveries.claim(deliveryId);
    if (!claimed) {
      this.logger.log(
        `delivery ${deliveryId} is not pending (finished, or its event was rolled back)`,
      );
      return;
    }
    // An email addressed just now is recorded with the attempt's outcome (one update, not two).
    let addressed: AddressedEmail | undefined;
    let delivery: PendingDelivery;
    if (!('request' in claimed)) delivery = claimed;
    else if ('to' in claimed) delivery = await this.renderWithToken(claimed);
    else ({ delivery, addressed } = await this.address(claimed));
    let messageId: string;
    try {
      messageId = await this.mailer.send(delivery);
    } catch (err) {
      const reason = (err as Error).message;
      if (isPermanentSmtpError(err)) {
        await this.deliveries.markFailed(deliveryId, 'permanent-failure', reason, addressed);
        throw new PermanentDeliveryError(reason);
      }
      await this.deliveries.markFailed(deliveryId, 'temporary-failure', reason, addressed);
      throw err;
    }
    await this.deliveries.markDelivered(deliveryId, messageId, addressed);
  }

  /** Opens the email's sealed token and renders it, in memory only (nothing is stored). */
  private async renderWithToken(delivery: UnrenderedDelivery): Promise<PendingDelivery> {
    const { request } = delivery;
    let token: string;
    try {
      token = this.tokens.open((request.data as { sealedToken: string }).sealedToken);
    } catch (err) {
      // Sealed to another key: no retry can open it.
      const reason = `the sealed token cannot be opened: ${(err as Error).message}`;
      await this.deliveries.markFailed(delivery.id, 'permanent-failure', reason);
      throw new PermanentDeliveryError(reason);
    }
    const email = renderEmail(request, { publicUrl: this.config.PUBLIC_URL, token });
    return { id: delivery.id, attempts: delivery.attempts, to: delivery.to, ...email };
  }

  /**
   * Asks identity where the email goes and renders it in the holder's language; the caller
   * records it with the outcome of the attempt.
   */
  private async address(
    delivery: UnaddressedDelivery,
  ): Promise<{ delivery: PendingDelivery; addressed: AddressedEmail }> {
    const { request } = delivery;
    let contact: AccountContactView;
    try {
      contact = await this.contacts.of(request.accountId);
    } catch (err) {
      const reason = (err as Error).message;
      if (err instanceof UnknownAccountError) {
        await this.deliveries.markFailed(delivery.id, 'permanent-failure', reason);
        throw new PermanentDeliveryError(reason);
      }
      await this.deliveries.markFailed(delivery.id, 'temporary-failure', reason);
      throw err;
    }
    if (contact.email === null) {
      // An account made from VNeID without an email: the bell is its only channel.
      const reason = 'the account has no email address';
      await this.deliveries.markFailed(delivery.id, 'permanent-failure', reason);
      throw new PermanentDeliveryError(reason);
    }
    const to = { address: contact.email, name: contact.fullName };
    const full = {
      template: request.template,
      locale: contact.locale,
      to,
      accountId: request.accountId,
      data: { ...request.data, fullName: contact.fullName },
    } as EmailRequest;
    const email = renderEmail(full, { publicUrl: this.config.PUBLIC_URL });
    return {
      delivery: { id: delivery.id, attempts: delivery.attempts, to, ...email },
      addressed: { locale: contact.locale, to, ...email },
    };
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
