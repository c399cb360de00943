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

/** provider_callbacks (append-only): every IPN as it arrived, with our answer. */
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
}
