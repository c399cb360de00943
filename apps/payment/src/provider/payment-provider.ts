import type { PaymentOutcome, QueryOutcome } from './vnpay/vnpay-codes';

/** One checkout at the provider (an attempt): what its payment page needs. */
export interface CheckoutRequest {
  txnRef: string;
  /** VND integer. */
  amount: number;
  /** ASCII, no diacritics (what the provider shows and echoes back). */
  orderInfo: string;
  /** The provider's bank/method code, or null to let the customer choose on its page. */
  bankCode: string | null;
  /** The citizen's IP address. */
  ipAddr: string;
  createdAt: Date;
  expiresAt: Date;
}

/** What the provider reported about one transaction in a callback (IPN or return redirect). */
export interface CallbackResult {
  tmnCode: string;
  txnRef: string;
  /** VND, or null when vnp_Amount is not a whole number of đồng ×100. */
  amount: number | null;
  responseCode: string;
  transactionStatus: string;
  transactionNo: string;
  bankCode: string | null;
  /** Null when absent or not a real date. */
  payDate: Date | null;
  outcome: PaymentOutcome;
}

/** A callback from the provider, parsed and verified, before any rule of ours. */
export interface ProviderCallback {
  /** Every parameter as received (first value of a repeated key). */
  params: Record<string, string>;
  signature: 'valid' | 'invalid' | 'missing';
  /** Required parameters that are absent or malformed, and keys given more than once. */
  problems: string[];
  /** Present when the signature is valid and nothing is missing. */
  result: CallbackResult | null;
}

export interface TransactionQuery {
  txnRef: string;
  orderInfo: string;
  /** When the attempt was created (vnp_TransactionDate = its vnp_CreateDate). */
  transactionDate: Date;
  ipAddr: string;
}

export interface TransactionStatusReport {
  outcome: QueryOutcome;
  /** VND, when the provider says. */
  amount: number | null;
  transactionNo: string | null;
  bankCode: string | null;
  payDate: Date | null;
  responseCode: string;
  transactionStatus: string;
}

/**
 * A payment provider, as the payment service sees it. The one implementation speaks VNPay
 * 2.1.0; in development and tests it talks to the built-in simulator, which speaks the same
 * protocol from the other side.
 */
export abstract class PaymentProvider {
  abstract readonly name: string;

  /** The signed URL of the provider's payment page for this checkout. */
  abstract checkoutUrl(request: CheckoutRequest): string;

  /** Parses and verifies a callback's raw query string. Never throws. */
  abstract readCallback(rawQuery: string): ProviderCallback;

  /** Asks the provider for the state of one transaction (querydr). Never throws: `unknown`. */
  abstract queryTransaction(query: TransactionQuery): Promise<TransactionStatusReport>;
}
