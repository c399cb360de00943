/** Why an email token exists: the activation link after registration, or a password reset link. */
export type EmailTokenPurpose = 'activation' | 'reset';

export interface EmailTokenRow {
  id: string;
  accountId: string;
  purpose: EmailTokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
}

/** A token just issued: the raw value travels in the event, only its hash is stored. */
export interface IssuedEmailToken {
  token: string;
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
