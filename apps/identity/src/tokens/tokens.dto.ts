/** Why an email token exists: the activation link after registration, or a password reset link. */
export type EmailTokenPurpose = 'activation' | 'reset';

export interface EmailTokenRow {
  id: string;
  accountId: string;
  purpose: EmailTokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
}

import type { SealedToken } from '@dvc/contracts';

/**
 * A token just issued: only its hash is stored, and the raw value leaves sealed to the
 * notification service, which alone can open it to write the link.
 */
export interface IssuedEmailToken {
  sealedToken: SealedToken;
  expiresAt: Date;
}

export type EmailTokenProblem = 'used' | 'expired';

/** Single use first, then the deadline: a reused link says "already used" even once it is old. */
export function emailTokenProblem(
  row: Pick<EmailTokenRow, 'expiresAt' | 'usedAt'>,
  now: Date,
): EmailTokenProblem | null {
  if (row.usedAt !== null) return 'used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}
