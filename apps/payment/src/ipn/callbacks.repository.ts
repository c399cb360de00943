import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

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
    await manager.query(
      `INSERT INTO provider_callbacks (provider, raw_query, params, signature_valid, txn_ref,
         payment_id, outcome, rsp_code, source_ip)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9)`,
      [
        record.provider,
        record.rawQuery,
        JSON.stringify(record.params),
        record.signatureValid,
        record.txnRef,
        record.paymentId,
        record.outcome,
        record.rspCode,
        record.sourceIp,
      ],
    );
  }
}
