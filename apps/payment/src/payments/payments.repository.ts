import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { PaymentMethodId, PaymentStatus } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { Attempts, DB, Payments } from '../database/db.generated';
import type { Attempt, Payment, ProviderReport } from './payments.dto';
import type { AttemptStatus } from './payment-status';

function toPayment(r: Selectable<Payments>): Payment {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    applicantId: r.applicant_id,
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    amount: Number(r.amount),
    description: r.description,
    atSubmission: r.at_submission,
    requestedAt: r.requested_at,
    status: r.status as PaymentStatus,
    statusReason: r.status_reason,
    method: r.method as PaymentMethodId | null,
    retryOf: r.retry_of,
    nextPaymentId: r.next_payment_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at,
    expiresAt: r.expires_at,
    finishedAt: r.finished_at,
    paidAt: r.paid_at,
    transactionNo: r.transaction_no,
  };
}

function toAttempt(r: Selectable<Attempts>): Attempt {
  return {
    id: r.id,
    paymentId: r.payment_id,
    txnRef: r.txn_ref,
    provider: r.provider,
    method: r.method as PaymentMethodId,
    amount: Number(r.amount),
    orderInfo: r.order_info,
    url: r.url,
    ipAddr: r.ip_addr,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    status: r.status as AttemptStatus,
    responseCode: r.response_code,
    transactionStatus: r.transaction_status,
    transactionNo: r.transaction_no,
    bankCode: r.bank_code,
    payDate: r.pay_date,
    settledAt: r.settled_at,
    settledBy: r.settled_by as Attempt['settledBy'],
    note: r.note,
  };
}

/** The row of a new payment: status created, updated when created. */
function newPaymentRow(p: NewPayment) {
  return {
    id: p.id,
    dossier_id: p.dossierId,
    dossier_code: p.dossierCode,
    applicant_id: p.applicantId,
    agency_code: p.agencyCode,
    agency_name: p.agencyName,
    procedure_code: p.procedureCode,
    procedure_name: p.procedureName,
    amount: p.amount,
    description: p.description,
    at_submission: p.atSubmission,
    requested_at: p.requestedAt,
    status: 'created',
    retry_of: p.retryOf,
    created_at: p.createdAt,
    updated_at: p.createdAt,
  } as const;
}

/** A new payment: the first of a request, or the retry of one that did not succeed. */
export type NewPayment = Omit<
  Payment,
  | 'status'
  | 'statusReason'
  | 'method'
  | 'nextPaymentId'
  | 'updatedAt'
  | 'startedAt'
  | 'expiresAt'
  | 'finishedAt'
  | 'paidAt'
  | 'transactionNo'
>;

/** Fields a state change may set. */
export type PaymentChanges = Partial<
  Pick<
    Payment,
    | 'status'
    | 'statusReason'
    | 'method'
    | 'nextPaymentId'
    | 'startedAt'
    | 'expiresAt'
    | 'finishedAt'
    | 'paidAt'
    | 'transactionNo'
  >
>;

export type NewAttempt = Omit<
  Attempt,
  | 'status'
  | 'responseCode'
  | 'transactionStatus'
  | 'transactionNo'
  | 'bankCode'
  | 'payDate'
  | 'settledAt'
  | 'settledBy'
  | 'note'
>;

export interface AttemptSettlement extends ProviderReport {
  status: Exclude<AttemptStatus, 'pending'>;
  settledAt: Date;
  settledBy: NonNullable<Attempt['settledBy']>;
  note: string | null;
}

export interface PaymentWithReceipt {
  payment: Payment;
  receiptNumber: string | null;
}

/** payments and attempts: the only place that touches them. */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts the first payment of a dossier request, or nothing when that request already has
   * one (a redelivered or republished event): answers the new payment or null.
   */
  async insertForRequest(manager: EntityManager, p: NewPayment): Promise<Payment | null> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('payments')
      .values(newPaymentRow(p))
      .onConflict((oc) =>
        oc.columns(['dossier_id', 'requested_at']).where('retry_of', 'is', null).doNothing(),
      )
      .returningAll()
      .executeTakeFirst();
    return row ? toPayment(row) : null;
  }

  async insertRetry(manager: EntityManager, p: NewPayment): Promise<Payment> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('payments')
      .values(newPaymentRow(p))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPayment(row);
  }

  /** Reads and row-locks a payment until the transaction ends: one change at a time. */
  async lock(manager: EntityManager, id: string): Promise<Payment | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row ? toPayment(row) : null;
  }

  /** The payment if it belongs to this account (anyone else's does not exist), locked. */
  async lockOwned(
    manager: EntityManager,
    id: string,
    applicantId: string,
  ): Promise<Payment | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', id)
      .where('applicant_id', '=', applicantId)
      .forUpdate()
      .executeTakeFirst();
    return row ? toPayment(row) : null;
  }

  async findOwned(id: string, applicantId: string): Promise<PaymentWithReceipt | null> {
    const row = await this.withReceipt()
      .where('p.id', '=', id)
      .where('p.applicant_id', '=', applicantId)
      .executeTakeFirst();
    return row ? { payment: toPayment(row), receiptNumber: row.receipt_number } : null;
  }

  async find(id: string): Promise<PaymentWithReceipt | null> {
    const row = await this.withReceipt().where('p.id', '=', id).executeTakeFirst();
    return row ? { payment: toPayment(row), receiptNumber: row.receipt_number } : null;
  }

  /** Giao dịch: the account's payments, newest first. */
  async listOwned(
    applicantId: string,
    status: PaymentStatus | null,
    page: number,
    pageSize: number,
  ): Promise<{ items: PaymentWithReceipt[]; total: number }> {
    const rows = await this.withReceipt()
      .select((eb) => eb.fn.countAll<string>().over().as('total'))
      .where('p.applicant_id', '=', applicantId)
      .$if(status !== null, (q) => q.where('p.status', '=', status!))
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && page > 1) {
      const { n } = await this.db
        .selectFrom('payments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('applicant_id', '=', applicantId)
        .$if(status !== null, (q) => q.where('status', '=', status!))
        .executeTakeFirstOrThrow();
      total = Number(n);
    }
    return {
      items: rows.map((r) => ({ payment: toPayment(r), receiptNumber: r.receipt_number })),
      total,
    };
  }

  /** The latest request of a dossier we know of (its payments' requested_at). */
  async latestRequestAt(manager: EntityManager, dossierId: string): Promise<Date | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('payments')
      .select((eb) => eb.fn.max('requested_at').as('latest'))
      .where('dossier_id', '=', dossierId)
      .executeTakeFirst();
    return row?.latest ?? null;
  }

  /** Open payments (created, started) of a dossier, locked. */
  async lockOpenOfDossier(manager: EntityManager, dossierId: string): Promise<Payment[]> {
    const rows = await kyselyOf<DB>(manager)
      .selectFrom('payments')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .where('status', 'in', ['created', 'started'])
      .orderBy('created_at')
      .forUpdate()
      .execute();
    return rows.map(toPayment);
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: PaymentChanges,
    at: Date,
  ): Promise<Payment> {
    const row = await kyselyOf<DB>(manager)
      .updateTable('payments')
      .set({
        updated_at: at,
        status: changes.status,
        status_reason: changes.statusReason,
        method: changes.method,
        next_payment_id: changes.nextPaymentId,
        started_at: changes.startedAt,
        expires_at: changes.expiresAt,
        finished_at: changes.finishedAt,
        paid_at: changes.paidAt,
        transaction_no: changes.transactionNo,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPayment(row);
  }

  /** Started payments the reconciliation should look at: checked out a while ago, or past their expiry. */
  async startedForReconciliation(
    checkedOutBefore: Date,
    now: Date,
    limit: number,
  ): Promise<string[]> {
    const rows = await this.db
      .selectFrom('payments as p')
      .select('p.id')
      .where('p.status', '=', 'started')
      .where((eb) =>
        eb.or([
          eb('p.expires_at', '<=', now),
          eb.not(
            eb.exists(
              eb
                .selectFrom('attempts as a')
                .select(eb.lit(1).as('one'))
                .whereRef('a.payment_id', '=', 'p.id')
                .where('a.created_at', '>', checkedOutBefore),
            ),
          ),
        ]),
      )
      .orderBy('p.expires_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  // ---- attempts ----

  async insertAttempt(manager: EntityManager, a: NewAttempt): Promise<Attempt> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('attempts')
      .values({
        id: a.id,
        payment_id: a.paymentId,
        txn_ref: a.txnRef,
        provider: a.provider,
        method: a.method,
        amount: a.amount,
        order_info: a.orderInfo,
        url: a.url,
        ip_addr: a.ipAddr,
        created_at: a.createdAt,
        expires_at: a.expiresAt,
        status: 'pending',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAttempt(row);
  }

  async findAttempt(
    txnRef: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Attempt | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('attempts')
      .selectAll()
      .where('txn_ref', '=', txnRef)
      .executeTakeFirst();
    return row ? toAttempt(row) : null;
  }

  async pendingAttempts(manager: EntityManager, paymentId: string): Promise<Attempt[]> {
    const rows = await kyselyOf<DB>(manager)
      .selectFrom('attempts')
      .selectAll()
      .where('payment_id', '=', paymentId)
      .where('status', '=', 'pending')
      .orderBy('created_at')
      .execute();
    return rows.map(toAttempt);
  }

  /** Settles an attempt; what the provider did not report keeps its earlier value. */
  async settleAttempt(manager: EntityManager, id: string, s: AttemptSettlement): Promise<Attempt> {
    const row = await kyselyOf<DB>(manager)
      .updateTable('attempts')
      .set((eb) => ({
        status: s.status,
        response_code: eb.fn.coalesce(eb.val(s.responseCode), eb.ref('response_code')),
        transaction_status: eb.fn.coalesce(
          eb.val(s.transactionStatus),
          eb.ref('transaction_status'),
        ),
        transaction_no: eb.fn.coalesce(eb.val(s.transactionNo), eb.ref('transaction_no')),
        bank_code: eb.fn.coalesce(eb.val(s.bankCode), eb.ref('bank_code')),
        pay_date: eb.fn.coalesce(eb.val(s.payDate), eb.ref('pay_date')),
        settled_at: s.settledAt,
        settled_by: s.settledBy,
        note: s.note,
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAttempt(row);
  }

  private get db() {
    return kyselyOf<DB>(this.dataSource.manager);
  }

  /** Payments with the number of their receipt, if one was issued. */
  private withReceipt() {
    return this.db
      .selectFrom('payments as p')
      .leftJoin('receipts as r', 'r.payment_id', 'p.id')
      .selectAll('p')
      .select('r.receipt_number');
  }
}
