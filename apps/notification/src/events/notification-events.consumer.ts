import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@dvc/contracts';
import { EventConsumer } from '@dvc/messaging';
import { AgencyOfficers } from '../contacts/agency-officers';
import { EmailService } from '../email/email.service';
import { notificationForEvent, ruleForEvent } from '../notifications/notification-rules';
import { agencyNotificationFor, officerTypeOf } from '../notifications/officer-notifications';
import { NotificationsService } from '../notifications/notifications.service';
import { emailForEvent, sendsEmail } from './event-emails';

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
 * (with its email and SMS) every citizen-visible event asks for, and the agency officers'
 * notices (deadline warnings, the citizen's supplement or payment).
 */
@Injectable()
export class NotificationEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly emails: EmailService,
    private readonly notifications: NotificationsService,
    private readonly officers: AgencyOfficers,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({
      queue: NOTIFICATION_EVENTS_QUEUE,
      bindings: NOTIFICATION_EVENT_BINDINGS,
      handler: (envelope, manager) => this.handle(envelope, manager),
      ignores: asksNothing,
    });
  }

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const email = emailForEvent(envelope);
    if (email) await this.emails.schedule(manager, envelope.id, email);
    const notification = notificationForEvent(envelope);
    if (notification) await this.notifications.record(manager, envelope.id, notification);
    const forAgency = agencyNotificationFor(envelope);
    if (forAgency) {
      for (const accountId of await this.officers.of(forAgency.agencyCode)) {
        const draft = { ...forAgency.draft, accountId };
        await this.notifications.record(
          manager,
          envelope.id,
          draft,
          emailKey(envelope.id, accountId),
        );
      }
    }
  }
}

/**
 * An event that asks for no email, no notification and no officer's notice (e.g. the status
 * change to SUBMITTED, which `dossier.submitted` announces): nothing to record, not even in the
 * inbox. A payload the rules cannot read is not ignored: the handler refuses it.
 */
export function asksNothing(envelope: EventEnvelope): boolean {
  try {
    return !sendsEmail(envelope) && !ruleForEvent(envelope) && !officerTypeOf(envelope);
  } catch {
    return false;
  }
}

/** One email delivery per officer of the event: a stable uuid made of both ids. */
function emailKey(eventId: string, accountId: string): string {
  const hex = createHash('sha256').update(`${eventId}:${accountId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
