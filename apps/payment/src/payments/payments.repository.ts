import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PaymentMethodId, PaymentStatus } from '@dvc/contracts';
import { updatedRows } from '@dvc/database';
import type { Attempt, Payment, ProviderReport } from './payments.dto';
import type { AttemptStatus } from './payment-status';

interface PaymentRow {
  id: string;
  dossier_id: string;
  dossier_code: string;
  applicant_id: string;
  agency_code: string;
  procedure_code: string;
  procedure_name: string;
  amount: string;
  description: string;
  at_submission: boolean;
  requested_at: Date;
  status: PaymentStatus;
  status_reason: string | null;
  method: PaymentMethodId | null;
  retry_of: string | null;
  next_payment_id: string | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  expires_at: Date | null;
  finished_at: Date | null;
  paid_at: Date | null;
  transaction_no: string | null;
}

interface AttemptRow {
  id: string;
  payment_id: string;
  txn_ref: string;
  provider: string;
  method: PaymentMethodId;
  amount: string;
  order_info: string;
  url: string;
  ip_addr: string;
  created_at: Date;
  expires_at: Date;
  status: AttemptStatus;
  response_code: string | null;
  transaction_status: string | null;
  transaction_no: string | null;
  bank_code: string | null;
  pay_date: Date | null;
  settled_at: Date | null;
  settled_by: Attempt['settledBy'];
  note: string | null;
}

function toPayment(r: PaymentRow): Payment {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    applicantId: r.applicant_id,
    agencyCode: r.agency_code,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    amount: Number(r.amount),
    description: r.description,
    atSubmission: r.at_submission,
    requestedAt: r.requested_at,
    status: r.status,
    statusReason: r.status_reason,
    method: r.method,
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

function toAttempt(r: AttemptRow): Attempt {
  return {
    id: r.id,
    paymentId: r.payment_id,
    txnRef: r.txn_ref,
    provider: r.provider,
    method: r.method,
    amount: Number(r.amount),
    orderInfo: r.order_info,
    url: r.url,
    ipAddr: r.ip_addr,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    status: r.status,
    responseCode: r.response_code,
    transactionStatus: r.transaction_status,
    transactionNo: r.transaction_no,
    bankCode: r.bank_code,
    payDate: r.pay_date,
    settledAt: r.settled_at,
    settledBy: r.settled_by,
    note: r.note,
  };
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

const PAYMENT_CHANGE_COLUMNS: { [K in keyof Required<PaymentChanges>]: [string, string] } = {
  status: ['status', 'text'],
  statusReason: ['status_reason', 'text'],
  method: ['method', 'text'],
  nextPaymentId: ['next_payment_id', 'uuid'],
  startedAt: ['started_at', 'timestamptz'],
  expiresAt: ['expires_at', 'timestamptz'],
  finishedAt: ['finished_at', 'timestamptz'],
  paidAt: ['paid_at', 'timestamptz'],
  transactionNo: ['transaction_no', 'text'],
};

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
    const rows: PaymentRow[] = await manager.query(
      `INSERT INTO payments (id, dossier_id, dossier_code, applicant_id, agency_code, procedure_code,
         procedure_name, amount, description, at_submission, requested_at, status, retry_of,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'created', $12, $13, $13)
       ON CONFLICT (dossier_id, requested_at) WHERE retry_of IS NULL DO NOTHING
       RETURNING *`,
      [
        p.id,
        p.dossierId,
        p.dossierCode,
        p.applicantId,
        p.agencyCode,
        p.procedureCode,
        p.procedureName,
        p.amount,
        p.description,
        p.atSubmission,
        p.requestedAt,
        p.retryOf,
        p.createdAt,
      ],
    );
    return rows[0] ? toPayment(rows[0]) : null;
  }

  async insertRetry(manager: EntityManager, p: NewPayment): Promise<Payment> {
    const [row]: PaymentRow[] = await manager.query(
      `INSERT INTO payments (id, dossier_id, dossier_code, applicant_id, agency_code, procedure_code,
         procedure_name, amount, description, at_submission, requested_at, status, retry_of,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'created', $12, $13, $13)
       RETURNING *`,
      [
        p.id,
        p.dossierId,
        p.dossierCode,
        p.applicantId,
        p.agencyCode,
        p.procedureCode,
        p.procedureName,
        p.amount,
        p.description,
        p.atSubmission,
        p.requestedAt,
        p.retryOf,
        p.createdAt,
      ],
    );
    return toPayment(row);
  }

  /** Reads and row-locks a payment until the transaction ends: one change at a time. */
  async lock(manager: EntityManager, id: string): Promise<Payment | null> {
    const [row]: PaymentRow[] = await manager.query(
      `SELECT * FROM payments WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ? toPayment(row) : null;
  }

  /** The payment if it belongs to this account (anyone else's does not exist), locked. */
  async lockOwned(
    manager: EntityManager,
    id: string,
    applicantId: string,
  ): Promise<Payment | null> {
    const [row]: PaymentRow[] = await manager.query(
      `SELECT * FROM payments WHERE id = $1 AND applicant_id = $2 FOR UPDATE`,
      [id, applicantId],
    );
    return row ? toPayment(row) : null;
  }

  async findOwned(id: string, applicantId: string): Promise<PaymentWithReceipt | null> {
    const [row]: (PaymentRow & { receipt_number: string | null })[] = await this.dataSource.query(
      `SELECT p.*, r.receipt_number FROM payments p LEFT JOIN receipts r ON r.payment_id = p.id
        WHERE p.id = $1 AND p.applicant_id = $2`,
      [id, applicantId],
    );
    return row ? { payment: toPayment(row), receiptNumber: row.receipt_number } : null;
  }

  async find(id: string): Promise<PaymentWithReceipt | null> {
    const [row]: (PaymentRow & { receipt_number: string | null })[] = await this.dataSource.query(
      `SELECT p.*, r.receipt_number FROM payments p LEFT JOIN receipts r ON r.payment_id = p.id
        WHERE p.id = $1`,
      [id],
    );
    return row ? { payment: toPayment(row), receiptNumber: row.receipt_number } : null;
  }

  /** Giao dịch: the account's payments, newest first. */
  async listOwned(
    applicantId: string,
    status: PaymentStatus | null,
    page: number,
    pageSize: number,
  ): Promise<{ items: PaymentWithReceipt[]; total: number }> {
    const rows: (PaymentRow & { receipt_number: string | null; total: string })[] =
      await this.dataSource.query(
        `SELECT p.*, r.receipt_number, count(*) OVER () AS total
           FROM payments p LEFT JOIN receipts r ON r.payment_id = p.id
          WHERE p.applicant_id = $1 AND ($2::text IS NULL OR p.status = $2)
          ORDER BY p.created_at DESC, p.id
          LIMIT $3 OFFSET $4`,
        [applicantId, status, pageSize, (page - 1) * pageSize],
      );
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && page > 1) {
      const [{ n }] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM payments WHERE applicant_id = $1 AND ($2::text IS NULL OR status = $2)`,
        [applicantId, status],
      );
      total = n;
    }
    return {
      items: rows.map((r) => ({ payment: toPayment(r), receiptNumber: r.receipt_number })),
      total,
    };
  }

  /** The latest request of a dossier we know of (its payments' requested_at). */
  async latestRequestAt(manager: EntityManager, dossierId: string): Promise<Date | null> {
    const [row]: { latest: Date | null }[] = await manager.query(
      `SELECT max(requested_at) AS latest FROM payments WHERE dossier_id = $1`,
      [dossierId],
    );
    return row?.latest ?? null;
  }

  /** Open payments (created, started) of a dossier, locked. */
  async lockOpenOfDossier(manager: EntityManager, dossierId: string): Promise<Payment[]> {
    const rows: PaymentRow[] = await manager.query(
      `SELECT * FROM payments WHERE dossier_id = $1 AND status IN ('created', 'started')
        ORDER BY created_at FOR UPDATE`,
      [dossierId],
    );
    return rows.map(toPayment);
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: PaymentChanges,
    at: Date,
  ): Promise<Payment> {
    const sets: string[] = ['updated_at = $2'];
    const params: unknown[] = [id, at];
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const [column, cast] = PAYMENT_CHANGE_COLUMNS[field as keyof PaymentChanges];
      params.push(value);
      sets.push(`${column} = $${params.length}::${cast}`);
    }
    const rows = updatedRows<PaymentRow>(
      await manager.query(
        `UPDATE payments SET ${sets.join(', ')} WHERE id = $1 RETURNING *`,
        params,
      ),
    );
    return toPayment(rows[0]);
  }

  /** Started payments the reconciliation should look at: checked out a while ago, or past their expiry. */
  async startedForReconciliation(
    checkedOutBefore: Date,
    now: Date,
    limit: number,
  ): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM payments p
        WHERE p.status = 'started'
          AND (p.expires_at <= $2 OR NOT EXISTS (
                SELECT 1 FROM attempts a WHERE a.payment_id = p.id AND a.created_at > $1))
        ORDER BY p.expires_at LIMIT $3`,
      [checkedOutBefore, now, limit],
    );
    return rows.map((r) => r.id);
  }

  // ---- attempts ----

  async insertAttempt(manager: EntityManager, a: NewAttempt): Promise<Attempt> {
    const [row]: AttemptRow[] = await manager.query(
      `INSERT INTO attempts (id, payment_id, txn_ref, provider, method, amount, order_info, url, ip_addr,
         created_at, expires_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending') RETURNING *`,
      [
        a.id,
        a.paymentId,
        a.txnRef,
        a.provider,
        a.method,
        a.amount,
        a.orderInfo,
        a.url,
        a.ipAddr,
        a.createdAt,
        a.expiresAt,
      ],
    );
    return toAttempt(row);
  }

  async findAttempt(
    txnRef: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Attempt | null> {
    const [row]: AttemptRow[] = await manager.query(`SELECT * FROM attempts WHERE txn_ref = $1`, [
      txnRef,
    ]);
    return row ? toAttempt(row) : null;
  }

  async pendingAttempts(manager: EntityManager, paymentId: string): Promise<Attempt[]> {
    const rows: AttemptRow[] = await manager.query(
      `SELECT * FROM attempts WHERE payment_id = $1 AND status = 'pending' ORDER BY created_at`,
      [paymentId],
    );
    return rows.map(toAttempt);
  }

  async settleAttempt(manager: EntityManager, id: string, s: AttemptSettlement): Promise<Attempt> {
    const rows = updatedRows<AttemptRow>(
      await manager.query(
        `UPDATE attempts SET status = $2, response_code = COALESCE($3, response_code),
           transaction_status = COALESCE($4, transaction_status),
           transaction_no = COALESCE($5, transaction_no), bank_code = COALESCE($6, bank_code),
           pay_date = COALESCE($7, pay_date), settled_at = $8, settled_by = $9, note = $10
         WHERE id = $1 RETURNING *`,
        [
          id,
          s.status,
          s.responseCode,
          s.transactionStatus,
          s.transactionNo,
          s.bankCode,
          s.payDate,
          s.settledAt,
          s.settledBy,
          s.note,
        ],
      ),
    );
    return toAttempt(rows[0]);
  }
}
