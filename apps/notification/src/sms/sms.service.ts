import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { AccountContacts } from '../contacts/account-contacts';
import { NotificationConfig } from '../notification.config';
import { notificationText } from '../notifications/notifications.dto';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { SmsSender, maskPhone } from './sms-sender';

export const SMS_QUEUE = 'sms';

/** Data of a job in the `sms` queue; the job id is the notification id. */
export interface SmsJob {
  notificationId: string;
}

/**
 * The SMS that goes with a few notifications (docs/design.md §8): queued in the event's
 * transaction, sent once it committed, to the phone number identity knows, in the holder's
 * language. Accounts without a phone number get none.
 */
@Injectable()
export class SmsService {
  private readonly logger = new Logger(SmsService.name);

  constructor(
    private readonly config: NotificationConfig,
    private readonly notifications: NotificationsRepository,
    private readonly contacts: AccountContacts,
    private readonly sender: SmsSender,
    @InjectQueue(SMS_QUEUE) private readonly queue: Queue<SmsJob>,
  ) {}

  /** Same guarantees as an email job (D12): one job per notification, run after the commit. */
  async schedule(notificationId: string): Promise<void> {
    await this.queue.add(
      { notificationId },
      {
        jobId: notificationId,
        attempts: this.config.EMAIL_MAX_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.config.EMAIL_BACKOFF_MS },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
  }

  /** One attempt; throws when it should be tried again. */
  async deliver(notificationId: string): Promise<void> {
    const notification = await this.notifications.lockedById(notificationId);
    if (!notification) {
      this.logger.log(`notification ${notificationId} was rolled back: no SMS`);
      return;
    }
    const contact = await this.contacts.of(notification.accountId);
    if (!contact.phone) return;
    const { title, body } = notificationText(notification, contact.locale);
    const id = await this.sender.send({ to: contact.phone, text: `${title}. ${body}` });
    this.logger.log(`SMS for notification ${notificationId} to ${maskPhone(contact.phone)}: ${id}`);
  }
}
