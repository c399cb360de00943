import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventEnvelope, Events, PaymentSucceededEvent } from '@dvc/contracts';
import { EventConsumer, OutboxWriter, Tx } from '@dvc/messaging';
import { DossierWorkflow } from '../dossiers/dossier-workflow';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { isActionPossible } from '../dossiers/status-machine';

export const DOSSIER_EVENTS_QUEUE = 'dossier.events';

/**
 * `payment.succeeded` moves a PAYMENT_REQUIRED dossier on (to SUBMITTED when paid at
 * submission, to PROCESSING otherwise), inside the inbox transaction of the message: the
 * change, its history row and its events commit together with "processed" (the relay
 * publishes them at its next poll).
 */
@Injectable()
export class PaymentEventsConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger('PaymentEventsConsumer');

  constructor(
    private readonly consumer: EventConsumer,
    private readonly dossiers: DossiersRepository,
    private readonly workflow: DossierWorkflow,
    private readonly outbox: OutboxWriter,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({
      queue: DOSSIER_EVENTS_QUEUE,
      bindings: [Events.paymentSucceeded],
      handler: (envelope, manager) => this.handle(envelope, manager),
    });
  }

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    if (envelope.type !== Events.paymentSucceeded) return;
    const paid = envelope.data as PaymentSucceededEvent;
    const d =
      typeof paid?.dossierId === 'string'
        ? await this.dossiers.lock(manager, paid.dossierId)
        : null;
    // Nothing to move (withdrawn meanwhile, unknown dossier): a retry would not change that.
    // The payment service owns refunds; this log is the trace on our side.
    if (!d || !isActionPossible('payment-succeeded', d.status, 'system')) {
      this.logger.warn(
        `payment ${String(paid?.paymentId)} for dossier ${String(paid?.dossierId)} ignored: ` +
          (d ? `dossier is ${d.status}` : 'no such dossier'),
      );
      return;
    }
    if (d.paymentAmount !== null && paid.amount !== d.paymentAmount) {
      this.logger.warn(
        `payment ${paid.paymentId}: paid ${paid.amount} VND, ${d.paymentAmount} VND was due`,
      );
    }
    const tx: Tx = {
      manager,
      publish: (event) => this.outbox.add(manager, event, envelope.correlationId),
    };
    await this.workflow.apply(tx, d, {
      action: 'payment-succeeded',
      actor: { by: 'system', role: 'system', accountId: null },
      now: new Date(),
      // Read by the applicant on the timeline: the amount as people write it, and the receipt.
      note: `Đã thanh toán ${formatAmount(paid.amount)} — biên lai ${paid.receiptNumber}`,
    });
  }
}

/** `135.000 ₫`: whole đồng with dots between thousands. */
export function formatAmount(amount: number): string {
  return `${String(Math.trunc(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
}
