import type { IpnAnswer } from '@dvc/contracts';

/** The merchant's answers to an IPN, exactly as the provider expects them (VNPay 2.1.0). */
export const IPN_ANSWERS = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknownError: { RspCode: '99', Message: 'Unknown error' },
} as const satisfies Record<string, IpnAnswer>;

export type IpnAnswerKey = keyof typeof IPN_ANSWERS;

/** What we know about an IPN once parsed and looked up, before anything changes. */
export interface IpnFacts {
  signature: 'valid' | 'invalid' | 'missing';
  /** Every required parameter present and well formed, our merchant code, no repeated key. */
  wellFormed: boolean;
  /** The attempt of vnp_TxnRef exists. */
  attemptKnown: boolean;
  /** The provider already gave that attempt its outcome (this IPN is a replay). */
  attemptSettled: boolean;
  /** vnp_PayDate lies between the attempt's creation and now (with clock skew). */
  payDatePlausible: boolean;
  /** vnp_Amount / 100 is the payment's amount. */
  amountMatches: boolean;
  /** The payment is settled already (another attempt, the expiry, the dossier). */
  paymentSettled: boolean;
}

/**
 * - `settle`: apply the provider's outcome to the payment (success, failed, cancelled);
 * - `amountMismatch`: the payment goes to `error` for refund or manual resolution;
 * - `lateAttempt`: record this attempt's outcome only (disputed if the money was taken);
 * - `none`: change nothing (the callback itself is still recorded).
 */
export type IpnAction = 'settle' | 'amountMismatch' | 'lateAttempt' | 'none';

export interface IpnDecision {
  answer: IpnAnswerKey;
  action: IpnAction;
  /** Why, as recorded with the callback. */
  outcome: string;
}

/**
 * The IPN rules as a table, first match wins (the order the provider's reference merchant
 * checks them in: signature, order, amount, state). A stale or future vnp_PayDate is not
 * trusted (99, nothing changes; the provider retries and reconciliation asks it directly).
 */
export const IPN_RULES: readonly { when: (f: IpnFacts) => boolean; decision: IpnDecision }[] = [
  {
    when: (f) => f.signature !== 'valid',
    decision: { answer: 'invalidSignature', action: 'none', outcome: 'bad_signature' },
  },
  {
    when: (f) => !f.wellFormed,
    decision: { answer: 'unknownError', action: 'none', outcome: 'malformed' },
  },
  {
    when: (f) => !f.attemptKnown,
    decision: { answer: 'orderNotFound', action: 'none', outcome: 'unknown_txn_ref' },
  },
  {
    when: (f) => f.attemptSettled,
    decision: { answer: 'alreadyConfirmed', action: 'none', outcome: 'replay' },
  },
  {
    when: (f) => !f.payDatePlausible,
    decision: { answer: 'unknownError', action: 'none', outcome: 'implausible_pay_date' },
  },
  {
    when: (f) => !f.amountMatches,
    decision: { answer: 'invalidAmount', action: 'amountMismatch', outcome: 'amount_mismatch' },
  },
  {
    when: (f) => f.paymentSettled,
    decision: { answer: 'alreadyConfirmed', action: 'lateAttempt', outcome: 'payment_settled' },
  },
  {
    when: () => true,
    decision: { answer: 'confirmed', action: 'settle', outcome: 'settled' },
  },
];

export function decideIpn(facts: IpnFacts): IpnDecision {
  return IPN_RULES.find((rule) => rule.when(facts))!.decision;
}
