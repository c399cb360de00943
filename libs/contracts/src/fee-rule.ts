import { levelOffer } from './service-level';

/**
 * Fees (phí, lệ phí) of a dossier, in one place: the dossier service charges by these rules
 * and the portal tells the citizen by the same ones (browser-safe).
 */

/** A case's fee in VND: the sum of its fees, or null when one of them depends on the case (per page, …). */
export function caseFee(fees: readonly { amountVnd: number | null }[]): number | null {
  return fees.some((f) => f.amountVnd === null)
    ? null
    : fees.reduce((sum, f) => sum + (f.amountVnd ?? 0), 0);
}

/** Paid online when submitting: only where fees are paid online (level 4), and only a known fee above 0. */
export function feeDueAtSubmission(p: {
  level: number;
  feeAtSubmission: boolean;
  fee: number | null;
}): boolean {
  return levelOffer(p.level).onlinePayment && p.feeAtSubmission && p.fee !== null && p.fee > 0;
}

/** What an officer's payment request charges: the amount typed, else the procedure's known fee. */
export function requestedFee(typed: number | undefined, fee: number | null): number | null {
  return typed ?? (fee && fee > 0 ? fee : null);
}
