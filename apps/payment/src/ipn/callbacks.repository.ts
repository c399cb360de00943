import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { sql } from 'kysely';
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
    const row = await kyselyOf<DB>(manager)
      .selectFrom('provider_callbacks')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('signature_valid', '=', false)
      .where('received_at', '>', since)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  /** Deletes the unsigned IPNs received before `before`; answers how many. */
  async deleteUnsignedBefore(before: Date): Promise<number> {
    const result = await kyselyOf<DB>(this.dataSource.manager)
      .deleteFrom('provider_callbacks')
      .where('signature_valid', '=', false)
      .where('received_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
