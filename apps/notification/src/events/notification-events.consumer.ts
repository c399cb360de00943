import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@dvc/contracts';
import { EventConsumer } from '@dvc/messaging';
import { EmailService } from '../email/email.service';
import { emailForEvent } from './event-emails';

export const NOTIFICATION_EVENTS_QUEUE = 'notification.events';

/** Routing keys this service listens to on `dvc.events` (more as other services publish). */
export const NOTIFICATION_EVENT_BINDINGS = ['identity.#'];

/** Turns public events into notifications; each runs once, inside its inbox transaction. */
@Injectable()
export class NotificationEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly emails: EmailService,
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
  }
}
