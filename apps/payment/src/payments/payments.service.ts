import { Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import {
  Caller,
  CheckoutInput,
  CheckoutView,
  ListPaymentsQuery,
  Page,
  PaymentMethodView,
  PaymentView,
  ReceiptAuthorizationView,
  PaymentErrors,
  DomainError,
} from '@dvc/contracts';
import { RequestContext, UnitOfWork } from '@dvc/messaging';
import { SignedReceipts } from '../receipts/signed-receipts';
import { PayerDirectory } from '../neighbours/payer-directory';
import { PaymentConfig } from '../payment.config';
import { PaymentProvider } from '../provider/payment-provider';
import { formatVnpDate } from '../provider/vnpay/vnpay-dates';
import { ReceiptsRepository } from '../receipts/receipts.repository';
import { methodViews, paymentMethod } from './payment-methods';
import { assertMove, isFinal } from './payment-status';
import { Payment, mapPaymentView } from './payments.dto';
import { PaymentsRepository } from './payments.repository';

const TXN_REF_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** vnp_TxnRef: unique per checkout, e.g. `DVC261126K3M9Q2ZB7X` (date in Vietnam time + 10 random). */
export function newTxnRef(now: Date): string {
  let random = '';
  for (let i = 0; i < 10; i++) random += TXN_REF_ALPHABET[randomInt(TXN_REF_ALPHABET.length)];
  return `DVC${formatVnpDate(now).slice(2, 8)}${random}`;
}

/** What the provider shows the customer: ASCII only (its pages and signatures expect it). */
export function orderInfoOf(payment: Payment): string {
  return `Thanh toan le phi ho so ${payment.dossierCode}`;
}

const notFound = () => new DomainError(PaymentErrors.notFound);

/** Giao dịch as the citizen sees it: the list, one payment, the methods and the checkout. */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly config: PaymentConfig,
    private readonly payments: PaymentsRepository,
    private readonly receipts: ReceiptsRepository,
    private readonly provider: PaymentProvider,
    private readonly unitOfWork: UnitOfWork,
    private readonly payers: PayerDirectory,
    private readonly signedReceipts: SignedReceipts,
  ) {}

  async list(caller: Caller, query: ListPaymentsQuery): Promise<Page<PaymentView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.payments.listOwned(
      caller.accountId,
      query.status ?? null,
      page,
      pageSize,
    );
    return {
      items: items.map((i) => mapPaymentView(i.payment, i.receiptNumber)),
      total,
      page,
      pageSize,
    };
  }

  async get(caller: Caller, paymentId: string): Promise<PaymentView> {
    const found = await this.payments.findOwned(paymentId, caller.accountId);
    if (!found) throw notFound();
    return mapPaymentView(found.payment, found.receiptNumber);
  }

  methods(): PaymentMethodView[] {
    return methodViews();
  }

  /**
   * "Tiếp tục thanh toán": after the citizen confirmed the commitment, a new attempt with a
   * fresh vnp_TxnRef and the provider's signed URL. The payment window (PAYMENT_EXPIRY_MINUTES)
   * starts at the first checkout; later checkouts share it.
   */
  async checkout(
    caller: Caller,
    input: CheckoutInput,
    context: RequestContext,
    now: Date = new Date(),
  ): Promise<CheckoutView> {
    if (input.commitment !== true) {
      throw new DomainError(PaymentErrors.commitmentRequired);
    }
    const method = paymentMethod(input.method);
    if (!method) {
      throw new DomainError(PaymentErrors.unknownMethod);
    }
    return this.unitOfWork.run(context.correlationId, async (tx) => {
      const payment = await this.payments.lockOwned(tx.manager, input.paymentId, caller.accountId);
      if (!payment) throw notFound();
      assertPayable(payment, now);
      const expiresAt =
        payment.expiresAt ?? new Date(now.getTime() + this.config.PAYMENT_EXPIRY_MINUTES * 60_000);
      const txnRef = newTxnRef(now);
      const orderInfo = orderInfoOf(payment);
      const ipAddr = context.ip ?? '127.0.0.1';
      const paymentUrl = this.provider.checkoutUrl({
        txnRef,
        amount: payment.amount,
        orderInfo,
        bankCode: method.bankCode,
        ipAddr,
        createdAt: now,
        expiresAt,
      });
      await this.payments.insertAttempt(tx.manager, {
        id: randomUUID(),
        paymentId: payment.id,
        txnRef,
        provider: this.provider.name,
        method: method.id,
        amount: payment.amount,
        orderInfo,
        url: paymentUrl,
        ipAddr,
        createdAt: now,
        expiresAt,
      });
      assertMove(payment.status, 'started');
      await this.payments.update(
        tx.manager,
        payment.id,
        { status: 'started', method: method.id, startedAt: payment.startedAt ?? now, expiresAt },
        now,
      );
      return { paymentUrl, txnRef, expiresAt: expiresAt.toISOString() };
    });
  }

  /** The owner may download the receipt of a paid payment; its payer name is fixed then. */
  async authorizeReceipt(
    caller: Caller,
    paymentId: string,
    context: RequestContext,
  ): Promise<ReceiptAuthorizationView> {
    const found = await this.payments.findOwned(paymentId, caller.accountId);
    if (!found) throw notFound();
    const receipt = found.payment.status === 'success' ? await this.receipts.find(paymentId) : null;
    if (!receipt) {
      throw new DomainError(PaymentErrors.receiptNotFound);
    }
    if (receipt.payerName === null) {
      const payerName = await this.payers.nameOf(caller, context.correlationId);
      await this.receipts.fixPayerName(paymentId, payerName);
      receipt.payerName = payerName;
    }
    const signed = await this.signedReceipts.signedCopy(
      receipt,
      caller.accountId,
      context.correlationId,
    );
    return { paymentId, receiptNumber: receipt.receiptNumber, ...signed };
  }
}

/** Only an open payment whose window has not closed can be checked out (409 otherwise). */
function assertPayable(payment: Payment, now: Date): void {
  const extra = { currentStatus: payment.status, nextPaymentId: payment.nextPaymentId };
  if (payment.status === 'success') {
    throw new DomainError(PaymentErrors.alreadyPaid, { extra });
  }
  const lapsed = payment.expiresAt !== null && payment.expiresAt.getTime() <= now.getTime();
  if (payment.status === 'expired' || (!isFinal(payment.status) && lapsed)) {
    throw new DomainError(PaymentErrors.expired, { extra });
  }
  if (isFinal(payment.status)) {
    throw new DomainError(PaymentErrors.notPayable, { extra });
  }
}
