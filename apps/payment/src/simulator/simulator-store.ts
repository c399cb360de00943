import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import type { IpnAnswer } from '@dvc/contracts';

/** A transaction as the simulated provider keeps it (its own books, not the merchant's). */
export interface SimulatedTransaction {
  tmnCode: string;
  txnRef: string;
  /** vnp_Amount as sent (đồng ×100). */
  amount: string;
  orderInfo: string;
  bankCode: string | null;
  createDate: string;
  expireDate: string;
  returnUrl: string;
  status: 'pending' | 'paid' | 'cancelled';
  responseCode: string | null;
  transactionStatus: string | null;
  transactionNo: string | null;
  payDate: string | null;
  /** What the merchant answered to our IPN call (null: no answer). */
  ipn: { answer: IpnAnswer | null; error: string | null; at: string } | null;
}

/** Kept as long as a merchant could reasonably query it. */
const TTL_SECONDS = 30 * 24 * 3600;
const FIRST_TRANSACTION_NO = 14_000_000;

/** The simulator's books in Redis (under the app's REDIS_PREFIX), shared by every instance. */
@Injectable()
export class SimulatorStore {
  constructor(private readonly redis: Redis) {}

  private key(tmnCode: string, txnRef: string): string {
    return `payment-simulator:txn:${tmnCode}:${txnRef}`;
  }

  async get(tmnCode: string, txnRef: string): Promise<SimulatedTransaction | null> {
    const text = await this.redis.get(this.key(tmnCode, txnRef));
    return text ? (JSON.parse(text) as SimulatedTransaction) : null;
  }

  /** Records a transaction the customer has seen, unless it is known already. */
  async open(tx: SimulatedTransaction): Promise<void> {
    await this.redis.set(
      this.key(tx.tmnCode, tx.txnRef),
      JSON.stringify(tx),
      'EX',
      TTL_SECONDS,
      'NX',
    );
  }

  async save(tx: SimulatedTransaction): Promise<void> {
    await this.redis.set(this.key(tx.tmnCode, tx.txnRef), JSON.stringify(tx), 'EX', TTL_SECONDS);
  }

  /** True for the one press (Pay or Cancel) that completes the transaction; false for later ones. */
  async claimCompletion(tmnCode: string, txnRef: string): Promise<boolean> {
    const done = await this.redis.set(
      `${this.key(tmnCode, txnRef)}:done`,
      '1',
      'EX',
      TTL_SECONDS,
      'NX',
    );
    return done === 'OK';
  }

  async nextTransactionNo(): Promise<string> {
    const n = await this.redis.incr('payment-simulator:transaction-no');
    return String(FIRST_TRANSACTION_NO + n);
  }
}
