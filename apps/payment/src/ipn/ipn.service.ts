import { Injectable, Logger } from '@nestjs/common';
import type { IpnAnswer } from '@dvc/contracts';
import { RequestContext, Tx, UnitOfWork } from '@dvc/messaging';
import { PaymentLifecycle } from '../payments/payment-lifecycle';
import { ipnAnswers } from '../payments/payment-metrics';
import { isFinal } from '../payments/payment-status';
import type { Attempt, Payment, ProviderReport } from '../payments/payments.dto';
import { PaymentsRepository } from '../payments/payments.repository';
import { CallbackResult, PaymentProvider } from '../provider/payment-provider';
import { CallbackRecorder } from './callback-recorder';
import { IPN_ANSWERS, IpnDecision, decideIpn } from './ipn-decision';

/** How far vnp_PayDate may stray from our clock (the provider's clock is not ours). */
export const PAY_DATE_SKEW_MS = 5 * 60_000;

/**
 * The IPN: the only thing that changes a payment on the provider's word (docs/design.md §7).
 * Each call is handled in one transaction with the payment row locked, so concurrent
 * duplicates settle it once; the callback is recorded raw with our answer (an unsigned one
 * within CallbackRecorder's caps), and the answer is always one of the provider's codes.
 */
@Injectable()
export class IpnService {
  private readonly logger = new Logger(IpnService.name);

  constructor(
    private readonly provider: PaymentProvider,
    private readonly payments: PaymentsRepository,
    private readonly lifecycle: PaymentLifecycle,
    private readonly callbacks: CallbackRecorder,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(
    rawQuery: string,
    context: RequestContext,
    now: Date = new Date(),
  ): Promise<IpnAnswer> {
    const callback = this.provider.readCallback(rawQuery);
    const claimedTxnRef = callback.params.vnp_TxnRef?.slice(0, 100) ?? null;
    const record = (
      decision: Pick<IpnDecision, 'outcome'>,
      rspCode: string,
      paymentId: string | null,
    ) => ({
      provider: this.provider.name,
      rawQuery,
      params: callback.params,
      signatureValid: callback.signature === 'valid',
      txnRef: claimedTxnRef,
      paymentId,
      outcome: decision.outcome,
      rspCode,
      sourceIp: context.ip,
    });
    try {
      const { answer, outcome } = await this.unitOfWork.run(context.correlationId, async (tx) => {
        const result = callback.result;
        let attempt: Attempt | null = null;
        let payment: Payment | null = null;
        if (result) {
          const found = await this.payments.findAttempt(result.txnRef, tx.manager);
          if (found) {
            payment = await this.payments.lock(tx.manager, found.paymentId);
            // Read again under the lock: a concurrent duplicate may have settled it meanwhile.
            attempt = await this.payments.findAttempt(result.txnRef, tx.manager);
          }
        }
        const decision = decideIpn({
          signature: callback.signature,
          wellFormed: result !== null,
          attemptKnown: attempt !== null,
          // Expired by us is not an answer from the provider: a late one still counts.
          attemptSettled: attempt !== null && !['pending', 'expired'].includes(attempt.status),
          payDatePlausible: !!attempt && !!result && plausiblePayDate(result, attempt, now),
          amountMatches: !!payment && result?.amount === payment.amount,
          paymentSettled: !!payment && isFinal(payment.status),
        });
        if (payment && attempt && result) {
          await this.apply(tx, decision, payment, attempt, result, now);
        }
        const answer = IPN_ANSWERS[decision.answer];
        await this.callbacks.record(
          record(decision, answer.RspCode, payment?.id ?? null),
          now,
          tx.manager,
        );
        return { answer, outcome: decision.outcome };
      });
      ipnAnswers.inc({ rsp_code: answer.RspCode, outcome });
      return answer;
    } catch (err) {
      this.logger.error(
        `IPN ${claimedTxnRef ?? '(no TxnRef)'} failed: ${err instanceof Error ? err.stack : String(err)}`,
      );
      await this.callbacks
        .record(record({ outcome: 'error' }, IPN_ANSWERS.unknownError.RspCode, null), now)
        .catch((e: Error) => this.logger.error(`IPN not recorded: ${e.message}`));
      ipnAnswers.inc({ rsp_code: IPN_ANSWERS.unknownError.RspCode, outcome: 'error' });
      return IPN_ANSWERS.unknownError;
    }
  }

  private async apply(
    tx: Tx,
    decision: IpnDecision,
    payment: Payment,
    attempt: Attempt,
    result: CallbackResult,
    now: Date,
  ): Promise<void> {
    const report: ProviderReport = {
      responseCode: result.responseCode,
      transactionStatus: result.transactionStatus,
      transactionNo: result.transactionNo,
      bankCode: result.bankCode,
      payDate: result.payDate,
    };
    switch (decision.action) {
      case 'settle':
        if (result.outcome === 'success') {
          await this.lifecycle.succeed(
            tx,
            payment,
            attempt,
            { ...report, transactionNo: result.transactionNo },
            'ipn',
            now,
          );
        } else {
          await this.lifecycle.end(
            tx,
            payment,
            { status: result.outcome, reason: result.responseCode, retry: true },
            now,
            { settledBy: 'ipn', attempt, report },
          );
        }
        return;
      case 'amountMismatch': {
        const reason = `amount_mismatch: provider ${result.amount ?? '?'} VND, due ${payment.amount} VND`;
        if (!isFinal(payment.status)) {
          await this.lifecycle.end(tx, payment, { status: 'error', reason, retry: false }, now, {
            settledBy: 'ipn',
            attempt,
            report,
          });
        } else if (result.outcome === 'success') {
          await this.lifecycle.disputeAttempt(tx, payment, attempt, report, reason, 'ipn', now);
        } else {
          await this.lifecycle.closeAttempt(tx, attempt, result.outcome, report, 'ipn', now);
        }
        return;
      }
      case 'lateAttempt':
        if (result.outcome === 'success') {
          await this.lifecycle.disputeAttempt(
            tx,
            payment,
            attempt,
            report,
            `paid while the payment was ${payment.status}`,
            'ipn',
            now,
          );
        } else {
          await this.lifecycle.closeAttempt(tx, attempt, result.outcome, report, 'ipn', now);
        }
        return;
      case 'none':
        return;
    }
  }
}

/** A payment cannot have been made before its attempt existed, nor in the future. */
function plausiblePayDate(result: CallbackResult, attempt: Attempt, now: Date): boolean {
  const paid = result.payDate?.getTime();
  if (paid === undefined) return false;
  return (
    paid >= attempt.createdAt.getTime() - PAY_DATE_SKEW_MS &&
    paid <= now.getTime() + PAY_DATE_SKEW_MS
  );
}
