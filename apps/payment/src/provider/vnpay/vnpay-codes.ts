/**
 * What the provider's codes mean for us, as data (VNPay 2.1.0 tables).
 *
 * vnp_ResponseCode of a payment: `00` approved, `24` cancelled by the customer, anything else
 * a failure (`11` timed out, `51` insufficient funds, `07` suspected fraud, …). A payment is a
 * success only when vnp_ResponseCode and vnp_TransactionStatus are both `00`.
 */
export type PaymentOutcome = 'success' | 'cancelled' | 'failed';

export const CANCELLED_RESPONSE_CODE = '24';

export function paymentOutcome(responseCode: string, transactionStatus: string): PaymentOutcome {
  if (responseCode === '00' && transactionStatus === '00') return 'success';
  if (responseCode === CANCELLED_RESPONSE_CODE) return 'cancelled';
  return 'failed';
}

/**
 * What the query API (querydr) says about one transaction:
 * - `not_found`: the provider never saw it (the customer did not reach its page);
 * - `pending`: seen, not finished yet;
 * - `disputed`: money may have moved but the provider did not settle it (suspected fraud,
 *   reversal or refund in progress): a person must look;
 * - `unknown`: the query itself failed (try again later).
 */
export type QueryOutcome = PaymentOutcome | 'pending' | 'not_found' | 'disputed' | 'unknown';

/** querydr vnp_TransactionStatus → outcome (when vnp_ResponseCode is `00`). */
export const QUERY_TRANSACTION_STATUS: Readonly<Record<string, QueryOutcome>> = {
  '00': 'success',
  '01': 'pending',
  '02': 'failed',
  '04': 'disputed', // giao dịch đảo: debited at the bank, not completed at the provider
  '05': 'disputed', // refund in progress
  '06': 'disputed', // refund sent to the bank
  '07': 'disputed', // suspected fraud
  '09': 'disputed', // refund refused
};

export function queryOutcome(responseCode: string, transactionStatus: string): QueryOutcome {
  if (responseCode === '91') return 'not_found';
  if (responseCode !== '00') return 'unknown';
  return QUERY_TRANSACTION_STATUS[transactionStatus] ?? 'unknown';
}
