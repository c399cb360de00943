import type { DossierStatusName } from '@dvc/contracts';

/**
 * Statuses in which the applicant sees and downloads the result (kết quả). An officer may
 * attach it while processing, but it is not the applicant's before the agency completes:
 * never while a requested fee is unpaid (PAYMENT_REQUIRED only leaves for PROCESSING once
 * paid, and only PROCESSING completes), and not after a refusal or a stop.
 */
export const RESULT_RELEASED_STATUSES: readonly DossierStatusName[] = ['RESULT_READY', 'RETURNED'];

export function isResultReleased(status: DossierStatusName): boolean {
  return RESULT_RELEASED_STATUSES.includes(status);
}
