import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DossierPaymentRequiredEvent, Events } from '@dvc/contracts';
import type { Tx } from '@dvc/messaging';
import { ReceiptsRepository } from '../receipts/receipts.repository';
import { manualResolutions } from './payment-metrics';
import { assertMove, OPEN_STATUSES, PaymentEnding } from './payment-status';
import type { Attempt, Payment, ProviderReport } from './payments.dto';
import { PaymentsRepository } from './payments.repository';

type SettledBy = NonNullable<Attempt['settledBy']>;

/** A successful transaction as the provider reported it. */
export interface PaidReport extends ProviderReport {
  transactionNo: string;
}

/**
 * Where payments change state, in the caller's transaction with the payment row locked,
 * and where their events are published (outbox). The IPN, the reconciliation job, the
 * expiry and the dossier's requests all come through here, so a payment settles one way only.
 */
@Injectable()
export class PaymentLifecycle {
  private readonly logger = new Logger(PaymentLifecycle.name);

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly receipts: ReceiptsRepository,
  ) {}

  /**
   * The fee a dossier asks for becomes a payment, once per request whatever the number of
   * deliveries. A newer request replaces the open payment of an older one.
   */
  async open(tx: Tx, request: DossierPaymentRequiredEvent, now: Date): Promise<Payment | null> {
    const requestedAt = new Date(request.at);
    const latest = await this.payments.latestRequestAt(tx.manager, request.dossierId);
    if (latest && latest.getTime() > requestedAt.getTime()) {
      // Delivered late (after a retry): the dossier has asked again since.
      this.logger.warn(`dossier ${request.code}: request of ${request.at} superseded, ignored`);
      return null;
    }
    const created = await this.payments.insertForRequest(tx.manager, {
      id: randomUUID(),
      dossierId: request.dossierId,
      dossierCode: request.code,
      applicantId: request.applicantId,
      agencyCode: request.agencyCode,
      agencyName: request.agencyName ?? null,
      procedureCode: request.procedureCode,
      procedureName: request.procedureName,
      amount: request.amount,
      description: request.description,
      atSubmission: request.atSubmission,
      requestedAt,
      retryOf: null,
      createdAt: now,
    });
    if (!created) return null;
    for (const older of await this.payments.lockOpenOfDossier(tx.manager, request.dossierId)) {
      if (older.requestedAt.getTime() >= requestedAt.getTime()) continue;
      await this.end(tx, older, { status: 'cancelled', reason: 'superseded', retry: false }, now, {
        settledBy: 'dossier',
      });
    }
    await this.publishCreated(tx, created);
    return created;
  }

  /** The dossier no longer waits for its fee (withdrawn, stopped): its open payments end. */
  async closeForDossier(tx: Tx, dossierId: string, now: Date): Promise<number> {
    const open = await this.payments.lockOpenOfDossier(tx.manager, dossierId);
    for (const payment of open) {
      await this.end(
        tx,
        payment,
        { status: 'cancelled', reason: 'dossier_changed', retry: false },
        now,
        {
          settledBy: 'dossier',
        },
      );
    }
    return open.length;
  }

  /** The provider confirmed the money: success, receipt number, `payment.succeeded`. */
  async succeed(
    tx: Tx,
    payment: Payment,
    attempt: Attempt,
    report: PaidReport,
    by: SettledBy,
    now: Date,
  ): Promise<{ payment: Payment; receiptNumber: string }> {
    assertMove(payment.status, 'success');
    await this.payments.settleAttempt(tx.manager, attempt.id, {
      ...report,
      status: 'success',
      settledAt: now,
      settledBy: by,
      note: null,
    });
    const paidAt = report.payDate ?? now;
    const updated = await this.payments.update(
      tx.manager,
      payment.id,
      {
        status: 'success',
        statusReason: null,
        paidAt,
        transactionNo: report.transactionNo,
        finishedAt: now,
        method: attempt.method,
      },
      now,
    );
    const receiptNumber = await this.receipts.issue(tx.manager, payment.id, now);
    await tx.publish({
      type: Events.paymentSucceeded,
      data: {
        ...eventBase(updated),
        receiptNumber,
        transactionNo: report.transactionNo,
        paidAt: paidAt.toISOString(),
      },
    });
    return { payment: updated, receiptNumber };
  }

  /**
   * A payment ends without the money: failed or cancelled at the provider (the citizen gets
   * a new payment to try again), cancelled by us, or in `error` for a person to resolve.
   */
  async end(
    tx: Tx,
    payment: Payment,
    ending: PaymentEnding,
    now: Date,
    settle: { settledBy: SettledBy; attempt?: Attempt; report?: ProviderReport },
  ): Promise<Payment> {
    assertMove(payment.status, ending.status);
    if (settle.attempt) {
      await this.payments.settleAttempt(tx.manager, settle.attempt.id, {
        ...emptyReport(),
        ...settle.report,
        status: ending.status === 'error' ? 'disputed' : ending.status,
        settledAt: now,
        settledBy: settle.settledBy,
        note: ending.status === 'error' ? ending.reason : null,
      });
    }
    const next = ending.retry ? await this.openRetry(tx, payment, now) : null;
    const updated = await this.payments.update(
      tx.manager,
      payment.id,
      {
        status: ending.status,
        statusReason: ending.reason,
        finishedAt: now,
        nextPaymentId: next?.id,
      },
      now,
    );
    if (ending.status === 'error') {
      manualResolutions.inc({ kind: 'payment_error' });
      this.logger.warn(
        `payment ${payment.id} (dossier ${payment.dossierCode}) needs manual resolution: ${ending.reason}`,
      );
    }
    await tx.publish({
      type: Events.paymentFailed,
      data: {
        ...eventBase(updated),
        status: ending.status,
        reason: ending.reason,
        nextPaymentId: next?.id ?? null,
      },
    });
    if (next) await this.publishCreated(tx, next);
    return updated;
  }

  /** Nobody paid within the window: expired, and a new payment to try again. */
  async expire(tx: Tx, payment: Payment, now: Date): Promise<Payment> {
    assertMove(payment.status, 'expired');
    for (const attempt of await this.payments.pendingAttempts(tx.manager, payment.id)) {
      await this.payments.settleAttempt(tx.manager, attempt.id, {
        ...emptyReport(),
        status: 'expired',
        settledAt: now,
        settledBy: 'expiry',
        note: null,
      });
    }
    const next = await this.openRetry(tx, payment, now);
    const updated = await this.payments.update(
      tx.manager,
      payment.id,
      { status: 'expired', statusReason: 'expired', finishedAt: now, nextPaymentId: next.id },
      now,
    );
    await tx.publish({
      type: Events.paymentExpired,
      data: { ...eventBase(updated), expiredAt: now.toISOString(), nextPaymentId: next.id },
    });
    await this.publishCreated(tx, next);
    return updated;
  }

  /**
   * An attempt of a payment that is already settled reports money taken (a second tab paid
   * too, or the provider paid after we gave up): kept as `disputed` for refund, never lost.
   */
  async disputeAttempt(
    tx: Tx,
    payment: Payment,
    attempt: Attempt,
    report: ProviderReport,
    reason: string,
    by: SettledBy,
    now: Date,
  ): Promise<void> {
    await this.payments.settleAttempt(tx.manager, attempt.id, {
      ...report,
      status: 'disputed',
      settledAt: now,
      settledBy: by,
      note: reason,
    });
    manualResolutions.inc({ kind: 'attempt_disputed' });
    this.logger.warn(
      `attempt ${attempt.txnRef} of payment ${payment.id} (${payment.status}) paid but not accepted (${reason}): refund or resolve manually`,
    );
  }

  /** An attempt of a payment that is already settled ended without money: just recorded. */
  async closeAttempt(
    tx: Tx,
    attempt: Attempt,
    status: 'failed' | 'cancelled',
    report: ProviderReport,
    by: SettledBy,
    now: Date,
  ): Promise<void> {
    await this.payments.settleAttempt(tx.manager, attempt.id, {
      ...report,
      status,
      settledAt: now,
      settledBy: by,
      note: null,
    });
  }

  private async openRetry(tx: Tx, payment: Payment, now: Date): Promise<Payment> {
    return this.payments.insertRetry(tx.manager, {
      id: randomUUID(),
      dossierId: payment.dossierId,
      dossierCode: payment.dossierCode,
      applicantId: payment.applicantId,
      agencyCode: payment.agencyCode,
      agencyName: payment.agencyName,
      procedureCode: payment.procedureCode,
      procedureName: payment.procedureName,
      amount: payment.amount,
      description: payment.description,
      atSubmission: payment.atSubmission,
      requestedAt: payment.requestedAt,
      retryOf: payment.id,
      createdAt: now,
    });
  }

  private async publishCreated(tx: Tx, payment: Payment): Promise<void> {
    if (!OPEN_STATUSES.includes(payment.status)) return;
    await tx.publish({
      type: Events.paymentCreated,
      data: { ...eventBase(payment), description: payment.description, retryOf: payment.retryOf },
    });
  }
}

function eventBase(p: Payment) {
  return {
    paymentId: p.id,
    dossierId: p.dossierId,
    dossierCode: p.dossierCode,
    applicantId: p.applicantId,
    agencyCode: p.agencyCode,
    procedureName: p.procedureName,
    amount: p.amount,
  };
}

function emptyReport(): ProviderReport {
  return {
    responseCode: null,
    transactionStatus: null,
    transactionNo: null,
    bankCode: null,
    payDate: null,
  };
}
