import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DossierPaymentRequiredEvent,
  DossierStatusChangedEvent,
  EventEnvelope,
  Events,
} from '@dvc/contracts';
import { EventConsumer, OutboxWriter, Tx } from '@dvc/messaging';
import { PaymentLifecycle } from './payment-lifecycle';

export const PAYMENT_EVENTS_QUEUE = 'payment.events';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A payload this service cannot act on: retrying will not help, so it ends in the DLQ. */
export class MalformedRequestError extends Error {}

/**
 * The dossier's side of payments, in the inbox transaction of each message:
 * - `dossier.payment_required` opens a payment (once per request, whatever the deliveries);
 * - `dossier.status_changed` away from PAYMENT_REQUIRED other than by paying (withdrawn,
 *   stopped) ends its open payments, so nobody pays a fee that is no longer due.
 */
@Injectable()
export class PaymentRequestsConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(PaymentRequestsConsumer.name);

  constructor(
    private readonly consumer: EventConsumer,
    private readonly lifecycle: PaymentLifecycle,
    private readonly outbox: OutboxWriter,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({
      queue: PAYMENT_EVENTS_QUEUE,
      bindings: [Events.dossierPaymentRequired, Events.dossierStatusChanged],
      handler: (envelope, manager) => this.handle(envelope, manager),
      ignores: (envelope) => !concernsPayments(envelope),
    });
  }

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const tx: Tx = {
      manager,
      publish: (event) => this.outbox.add(manager, event, envelope.correlationId),
    };
    const now = new Date();
    if (envelope.type === Events.dossierPaymentRequired) {
      const request = paymentRequestOf(envelope.data);
      const created = await this.lifecycle.open(tx, request, now);
      if (!created)
        this.logger.log(`dossier ${request.code}: request of ${request.at} already open`);
      return;
    }
    if (envelope.type === Events.dossierStatusChanged) {
      if (!concernsPayments(envelope)) return;
      const change = envelope.data as DossierStatusChangedEvent;
      const closed = await this.lifecycle.closeForDossier(tx, change.dossierId, now);
      if (closed > 0) {
        this.logger.log(
          `dossier ${change.code}: ${closed} open payment(s) ended (${change.action})`,
        );
      }
    }
  }
}

/**
 * A payment request, or a status change away from PAYMENT_REQUIRED other than by paying (of a
 * dossier named by its id): the only events that open or end payments.
 */
export function concernsPayments(envelope: EventEnvelope): boolean {
  if (envelope.type === Events.dossierPaymentRequired) return true;
  if (envelope.type !== Events.dossierStatusChanged) return false;
  const change = envelope.data as Partial<DossierStatusChangedEvent> | null;
  return (
    change?.from === 'PAYMENT_REQUIRED' &&
    change.action !== 'payment-succeeded' &&
    typeof change.dossierId === 'string' &&
    UUID.test(change.dossierId)
  );
}

/** The event's payload, checked: amount a positive whole number of đồng, ids and dates real. */
export function paymentRequestOf(data: unknown): DossierPaymentRequiredEvent {
  const d = (data ?? {}) as Partial<DossierPaymentRequiredEvent>;
  const problems: string[] = [];
  const text = (key: keyof DossierPaymentRequiredEvent) =>
    typeof d[key] === 'string' && (d[key] as string).length > 0;
  if (typeof d.dossierId !== 'string' || !UUID.test(d.dossierId)) problems.push('dossierId');
  if (typeof d.applicantId !== 'string' || !UUID.test(d.applicantId)) problems.push('applicantId');
  for (const key of [
    'code',
    'procedureCode',
    'procedureName',
    'agencyCode',
    'description',
  ] as const) {
    if (!text(key)) problems.push(key);
  }
  if (!Number.isSafeInteger(d.amount) || (d.amount as number) <= 0) problems.push('amount');
  if (typeof d.at !== 'string' || Number.isNaN(Date.parse(d.at))) problems.push('at');
  if (typeof d.atSubmission !== 'boolean') problems.push('atSubmission');
  if (problems.length > 0) {
    throw new MalformedRequestError(
      `dossier.payment_required without a valid ${problems.join(', ')}`,
    );
  }
  return d as DossierPaymentRequiredEvent;
}
