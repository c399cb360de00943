import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PaymentMethodId } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';

/** Everything printed on a receipt (biên lai). */
export interface ReceiptData {
  paymentId: string;
  receiptNumber: string;
  issuedAt: Date;
  payerName: string | null;
  dossierCode: string;
  procedureName: string;
  agencyCode: string;
  agencyName: string | null;
  description: string;
  amount: number;
  method: PaymentMethodId | null;
  txnRef: string;
  transactionNo: string;
  bankCode: string | null;
  paidAt: Date;
  /** The signed copy, once issued (the first download). */
  signed: { fileId: string; verificationCode: string } | null;
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
    const db = kyselyOf<DB>(manager);
    const { last } = await db
      .insertInto('receipt_counters')
      .values({ year, last: 1 })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet((eb) => ({ last: eb('receipt_counters.last', '+', 1) })),
      )
      .returning('last')
      .executeTakeFirstOrThrow();
    const receiptNumber = `BL${year}-${String(last).padStart(7, '0')}`;
    await db
      .insertInto('receipts')
      .values({ payment_id: paymentId, receipt_number: receiptNumber, issued_at: at })
      .execute();
    return receiptNumber;
  }

  /** Records the payer's name the first time (a receipt, once printed, does not change). */
  async fixPayerName(paymentId: string, payerName: string): Promise<void> {
    await this.db
      .updateTable('receipts')
      .set({ payer_name: payerName })
      .where('payment_id', '=', paymentId)
      .where('payer_name', 'is', null)
      .execute();
  }

  /** Keeps the signed copy of a receipt (the first one issued wins). */
  async markSigned(
    paymentId: string,
    signed: { fileId: string; verificationCode: string },
  ): Promise<void> {
    await this.db
      .updateTable('receipts')
      .set({ file_id: signed.fileId, verification_code: signed.verificationCode })
      .where('payment_id', '=', paymentId)
      .where('file_id', 'is', null)
      .execute();
  }

  /** The receipt of a paid payment; with `ownerId`, only if that account owns the payment. */
  async find(paymentId: string, ownerId?: string): Promise<ReceiptData | null> {
    let query = this.db
      .selectFrom('receipts as r')
      .innerJoin('payments as p', 'p.id', 'r.payment_id')
      .innerJoin('attempts as a', (join) =>
        join.onRef('a.payment_id', '=', 'p.id').on('a.status', '=', 'success'),
      )
      .select([
        'r.payment_id',
        'r.receipt_number',
        'r.issued_at',
        'r.payer_name',
        'p.dossier_code',
        'p.procedure_name',
        'p.agency_code',
        'p.agency_name',
        'r.file_id',
        'r.verification_code',
        'p.description',
        'p.amount',
        'p.method',
        'a.txn_ref',
        'p.transaction_no',
        'a.bank_code',
        'p.paid_at',
      ])
      .where('r.payment_id', '=', paymentId)
      .where('p.status', '=', 'success');
    if (ownerId !== undefined) query = query.where('p.applicant_id', '=', ownerId);
    const row = await query.executeTakeFirst();
    if (!row) return null;
    return {
      paymentId: row.payment_id,
      receiptNumber: row.receipt_number,
      issuedAt: row.issued_at,
      payerName: row.payer_name,
      dossierCode: row.dossier_code,
      procedureName: row.procedure_name,
      agencyCode: row.agency_code,
      agencyName: row.agency_name,
      description: row.description,
      amount: Number(row.amount),
      method: row.method as PaymentMethodId | null,
      txnRef: row.txn_ref,
      // A successful payment always has both (the success sets them).
      transactionNo: row.transaction_no!,
      bankCode: row.bank_code,
      paidAt: row.paid_at!,
      signed:
        row.file_id && row.verification_code
          ? { fileId: row.file_id, verificationCode: row.verification_code }
          : null,
    };
  }

  private get db() {
    return kyselyOf<DB>(this.dataSource.manager);
  }
}
