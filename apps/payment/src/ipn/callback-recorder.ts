import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PaymentConfig } from '../payment.config';
import { CallbacksRepository, ProviderCallbackRecord } from './callbacks.repository';

/**
 * What is kept of an IPN. A signed one is the provider's word: kept whole, for ever. An
 * unsigned one is anyone's: kept cut to UNSIGNED_IPN_MAX_CHARS without its parsed params, at
 * most UNSIGNED_IPN_PER_MINUTE a minute, and deleted after UNSIGNED_IPN_RETENTION_HOURS.
 */
@Injectable()
export class CallbackRecorder {
  constructor(
    private readonly callbacks: CallbacksRepository,
    private readonly config: PaymentConfig,
  ) {}

  /** Records the callback; false when an unsigned one was over the rate and not kept. */
  async record(
    record: ProviderCallbackRecord,
    now: Date,
    manager?: EntityManager,
  ): Promise<boolean> {
    if (record.signatureValid) {
      await this.callbacks.record(record, manager);
      return true;
    }
    const lastMinute = new Date(now.getTime() - 60_000);
    if (
      (await this.callbacks.countUnsignedSince(lastMinute, manager)) >=
      this.config.UNSIGNED_IPN_PER_MINUTE
    ) {
      return false;
    }
    await this.callbacks.record(
      {
        ...record,
        rawQuery: record.rawQuery.slice(0, this.config.UNSIGNED_IPN_MAX_CHARS),
        params: {},
        txnRef: record.txnRef?.slice(0, 64) ?? null,
      },
      manager,
    );
    return true;
  }

  /** Deletes the unsigned IPNs past their retention; answers how many. */
  purgeUnsigned(now: Date): Promise<number> {
    const hours = this.config.UNSIGNED_IPN_RETENTION_HOURS;
    return this.callbacks.deleteUnsignedBefore(new Date(now.getTime() - hours * 3_600_000));
  }
}
