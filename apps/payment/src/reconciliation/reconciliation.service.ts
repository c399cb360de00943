import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Tx, UnitOfWork } from '@dvc/messaging';
import { CallbackRecorder } from '../ipn/callback-recorder';
import { PaymentConfig } from '../payment.config';
import { PaymentLifecycle } from '../payments/payment-lifecycle';
import { isFinal } from '../payments/payment-status';
import type { Attempt, Payment, ProviderReport } from '../payments/payments.dto';
import { PaymentsRepository } from '../payments/payments.repository';
import { PaymentProvider, TransactionStatusReport } from '../provider/payment-provider';
import { ReconciliationReport, ReconciliationRepository } from './reconciliation.repository';

type Finding = 'succeeded' | 'failed' | 'expired' | 'disputed' | 'unanswered' | 'unchanged';

/**
 * What the periodic job does (docs/design.md §7): every started payment checked out a while ago
 * is asked about at the provider (querydr), so a payment whose IPN never reached us still
 * settles; one past its window is then expired (a new payment replaces it). `now` is a
 * parameter so tests can move time.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);

  constructor(
    private readonly config: PaymentConfig,
    private readonly dataSource: DataSource,
    private readonly payments: PaymentsRepository,
    private readonly runs: ReconciliationRepository,
    private readonly provider: PaymentProvider,
    private readonly lifecycle: PaymentLifecycle,
    private readonly unitOfWork: UnitOfWork,
    private readonly callbacks: CallbackRecorder,
  ) {}

  async run(now: Date = new Date()): Promise<ReconciliationReport> {
    const report: ReconciliationReport = {
      runId: await this.runs.start(now),
      checked: 0,
      succeeded: 0,
      failed: 0,
      expired: 0,
      disputed: 0,
      unanswered: 0,
    };
    let error: string | null = null;
    try {
      const checkedOutBefore = new Date(
        now.getTime() - this.config.RECONCILE_AFTER_MINUTES * 60_000,
      );
      const ids = await this.payments.startedForReconciliation(
        checkedOutBefore,
        now,
        this.config.RECONCILE_BATCH_SIZE,
      );
      for (const id of ids) {
        report.checked += 1;
        const finding = await this.reconcile(id, now).catch((err: Error) => {
          this.logger.warn(`payment ${id} not reconciled: ${err.message}`);
          return 'unanswered' as const;
        });
        if (finding !== 'unchanged') report[finding] += 1;
      }
    } catch (err) {
      error = (err as Error).message;
      throw err;
    } finally {
      await this.runs.finish(report, error);
    }
    if (report.checked > 0) this.logger.log(`reconciliation: ${JSON.stringify(report)}`);
    // Unsigned IPNs (anyone's) are kept only for a while; signed ones stay.
    const purged = await this.callbacks.purgeUnsigned(now);
    if (purged > 0) this.logger.log(`reconciliation: ${purged} unsigned IPN(s) deleted`);
    return report;
  }

  /** One payment: ask about each pending attempt (outside any transaction), then settle under the lock. */
  private async reconcile(paymentId: string, now: Date): Promise<Finding> {
    const pending = await this.payments.pendingAttempts(this.dataSource.manager, paymentId);
    const answers = new Map<string, TransactionStatusReport>();
    for (const attempt of pending) {
      answers.set(
        attempt.id,
        await this.provider.queryTransaction({
          txnRef: attempt.txnRef,
          orderInfo: attempt.orderInfo,
          transactionDate: attempt.createdAt,
          ipAddr: attempt.ipAddr,
        }),
      );
    }
    return this.unitOfWork.run(null, async (tx) => {
      let payment = await this.payments.lock(tx.manager, paymentId);
      if (!payment || payment.status !== 'started') return 'unchanged';
      let finding: Finding = 'unchanged';
      let unanswered = false;
      for (const attempt of await this.payments.pendingAttempts(tx.manager, paymentId)) {
        const answer = answers.get(attempt.id);
        if (!answer || answer.outcome === 'unknown') {
          unanswered = true;
          continue;
        }
        const settled = await this.settle(tx, payment, attempt, answer, now);
        if (settled) {
          finding = settled.finding;
          payment = settled.payment;
        }
      }
      if (payment.status === 'started' && payment.expiresAt! <= now) {
        // Unanswered attempts might have been paid: ask again next run rather than expire blind.
        if (unanswered) return 'unanswered';
        await this.lifecycle.expire(tx, payment, now);
        return 'expired';
      }
      return unanswered && finding === 'unchanged' ? 'unanswered' : finding;
    });
  }

  private async settle(
    tx: Tx,
    payment: Payment,
    attempt: Attempt,
    answer: TransactionStatusReport,
    now: Date,
  ): Promise<{ finding: Finding; payment: Payment } | null> {
    const report: ProviderReport = {
      responseCode: answer.responseCode,
      transactionStatus: answer.transactionStatus,
      transactionNo: answer.transactionNo,
      bankCode: answer.bankCode,
      payDate: answer.payDate,
    };
    const open = !isFinal(payment.status);
    switch (answer.outcome) {
      case 'success': {
        if (!open) {
          await this.lifecycle.disputeAttempt(
            tx,
            payment,
            attempt,
            report,
            `paid while the payment was ${payment.status}`,
            'reconciliation',
            now,
          );
          return { finding: 'disputed', payment };
        }
        if (answer.amount !== payment.amount || !answer.transactionNo) {
          const reason = `amount_mismatch: provider ${answer.amount ?? '?'} VND, due ${payment.amount} VND`;
          const ended = await this.lifecycle.end(
            tx,
            payment,
            { status: 'error', reason, retry: false },
            now,
            { settledBy: 'reconciliation', attempt, report },
          );
          return { finding: 'disputed', payment: ended };
        }
        const { payment: paid } = await this.lifecycle.succeed(
          tx,
          payment,
          attempt,
          { ...report, transactionNo: answer.transactionNo },
          'reconciliation',
          now,
        );
        return { finding: 'succeeded', payment: paid };
      }
      case 'failed':
      case 'cancelled': {
        if (!open) {
          await this.lifecycle.closeAttempt(
            tx,
            attempt,
            answer.outcome,
            report,
            'reconciliation',
            now,
          );
          return null;
        }
        const ended = await this.lifecycle.end(
          tx,
          payment,
          {
            status: answer.outcome,
            reason: answer.transactionStatus || answer.responseCode,
            retry: true,
          },
          now,
          { settledBy: 'reconciliation', attempt, report },
        );
        return { finding: 'failed', payment: ended };
      }
      case 'disputed': {
        const reason = `provider_transaction_status ${answer.transactionStatus}`;
        if (!open) {
          await this.lifecycle.disputeAttempt(
            tx,
            payment,
            attempt,
            report,
            reason,
            'reconciliation',
            now,
          );
          return { finding: 'disputed', payment };
        }
        const ended = await this.lifecycle.end(
          tx,
          payment,
          { status: 'error', reason, retry: false },
          now,
          { settledBy: 'reconciliation', attempt, report },
        );
        return { finding: 'disputed', payment: ended };
      }
      case 'pending':
      case 'not_found':
      case 'unknown':
        // Not settled yet, or the query failed: the customer may still pay until the window closes.
        return null;
    }
  }
}
