import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PaymentMethodId } from '@dvc/contracts';

/** Everything printed on a receipt (biên lai). */
export interface ReceiptData {
  paymentId: string;
  receiptNumber: string;
  issuedAt: Date;
  payerName: string | null;
  dossierCode: string;
  procedureName: string;
  agencyCode: string;
  description: string;
  amount: number;
  method: PaymentMethodId | null;
  txnRef: string;
  transactionNo: string;
  bankCode: string | null;
  paidAt: Date;
}

/** Vietnam's calendar year of an instant (receipt numbers restart each year). */
function yearInVietnam(at: Date): number {
  return new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
}

/** receipts and their yearly counters: the only place that touches them. */
@Injectable()
export class ReceiptsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Issues the next receipt number of the year, e.g. `BL2026-0000042`, gap-free: the counter
   * row stays locked until the transaction of the success commits.
   */
  async issue(manager: EntityManager, paymentId: string, at: Date): Promise<string> {
    const year = yearInVietnam(at);
    const [{ last }]: { last: number }[] = await manager.query(
      `INSERT INTO receipt_counters (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = receipt_counters.last + 1 RETURNING last`,
      [year],
    );
    const receiptNumber = `BL${year}-${String(last).padStart(7, '0')}`;
    await manager.query(
      `INSERT INTO receipts (payment_id, receipt_number, issued_at) VALUES ($1, $2, $3)`,
      [paymentId, receiptNumber, at],
    );
    return receiptNumber;
  }

  /** Records the payer's name the first time (a receipt, once printed, does not change). */
  async fixPayerName(paymentId: string, payerName: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE receipts SET payer_name = $2 WHERE payment_id = $1 AND payer_name IS NULL`,
      [paymentId, payerName],
    );
  }

  async find(paymentId: string): Promise<ReceiptData | null> {
    const [row]: {
      payment_id: string;
      receipt_number: string;
      issued_at: Date;
      payer_name: string | null;
      dossier_code: string;
      procedure_name: string;
      agency_code: string;
      description: string;
      amount: string;
      method: PaymentMethodId | null;
      txn_ref: string;
      transaction_no: string;
      bank_code: string | null;
      paid_at: Date;
    }[] = await this.dataSource.query(
      `SELECT r.payment_id, r.receipt_number, r.issued_at, r.payer_name, p.dossier_code,
              p.procedure_name, p.agency_code, p.description, p.amount, p.method, a.txn_ref,
              p.transaction_no, a.bank_code, p.paid_at
         FROM receipts r
         JOIN payments p ON p.id = r.payment_id
         JOIN attempts a ON a.payment_id = p.id AND a.status = 'success'
        WHERE r.payment_id = $1 AND p.status = 'success'`,
      [paymentId],
    );
    if (!row) return null;
    return {
      paymentId: row.payment_id,
      receiptNumber: row.receipt_number,
      issuedAt: row.issued_at,
      payerName: row.payer_name,
      dossierCode: row.dossier_code,
      procedureName: row.procedure_name,
      agencyCode: row.agency_code,
      description: row.description,
      amount: Number(row.amount),
      method: row.method,
      txnRef: row.txn_ref,
      transactionNo: row.transaction_no,
      bankCode: row.bank_code,
      paidAt: row.paid_at,
    };
  }
}
