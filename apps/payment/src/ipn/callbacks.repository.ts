import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';

export interface ProviderCallbackRecord {
  provider: string;
  rawQuery: string;
  params: Record<string, string>;
  signatureValid: boolean;
  txnRef: string | null;
  paymentId: string | null;
  outcome: string;
  rspCode: string;
  sourceIp: string | null;
}

/**
 * provider_callbacks: every IPN as it arrived, with our answer. Append-only, but for the
 * unsigned ones, which are deleted after a while.
 */
@Injectable()
export class CallbacksRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    record: ProviderCallbackRecord,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await kyselyOf<DB>(manager)
      .insertInto('provider_callbacks')
      .values({
        provider: record.provider,
        raw_query: record.rawQuery,
        params: JSON.stringify(record.params),
        signature_valid: record.signatureValid,
        txn_ref: record.txnRef,
        payment_id: record.paymentId,
        outcome: record.outcome,
        rsp_code: record.rspCode,
        source_ip: record.sourceIp,
      })
      .execute();
  }

  /** Unsigned IPNs recorded since `since`, all senders together. */
  async countUnsignedSince(
    since: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const [row]: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM provider_callbacks
        WHERE NOT signature_valid AND received_at > $1`,
      [since],
    );
    return row.n;
  }

  /** Deletes the unsigned IPNs received before `before`; answers how many. */
  async deleteUnsignedBefore(before: Date): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM provider_callbacks WHERE NOT signature_valid AND received_at < $1`,
      [before],
    );
    return count;
  }
}
