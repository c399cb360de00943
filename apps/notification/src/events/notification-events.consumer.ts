import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@dvc/contracts';
import { EventConsumer } from '@dvc/messaging';
import { EmailService } from '../email/email.service';
import { notificationForEvent } from '../notifications/notification-rules';
import { NotificationsService } from '../notifications/notifications.service';
import { emailForEvent } from './event-emails';

export const NOTIFICATION_EVENTS_QUEUE = 'notification.events';

/**
 * Routing keys this service listens to on `dvc.events`: every public event (docs/design.md §2).
 * Dossier events are also published under `agency.<code>.dossier.*` for ministries; binding
 * `dossier.#` takes each once.
 */
export const NOTIFICATION_EVENT_BINDINGS = ['identity.#', 'dossier.#', 'payment.#', 'feedback.#'];

/**
 * Turns public events into notifications; each runs once, inside its inbox transaction:
 * the account emails identity events carry the address for, and the bell notification
 * (with its email and SMS) every citizen-visible event asks for.
 */
@Injectable()
export class NotificationEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly emails: EmailService,
    private readonly notifications: NotificationsService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({
      queue: NOTIFICATION_EVENTS_QUEUE,
      bindings: NOTIFICATION_EVENT_BINDINGS,
      handler: (envelope, manager) => this.handle(envelope, manager),
    });
  }

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const email = emailForEvent(envelope);
    if (email) await this.emails.schedule(manager, envelope.id, email);
    const notification = notificationForEvent(envelope);
    if (notification) await this.notifications.record(manager, envelope.id, notification);
  }
}
