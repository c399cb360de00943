import type { TokenPair } from '@dvc/contracts';

/** Why a session (refresh-token family) ended; kept on the row for support and audit. */
export type SessionEndReason =
  'logout' | 'refresh_reuse' | 'password_change' | 'password_reset' | 'account_locked';

/** A stored refresh token with the state of its family. */
export interface RefreshTokenRecord {
  sessionId: string;
  accountId: string;
  expiresAt: Date;
  usedAt: Date | null;
  sessionRevokedAt: Date | null;
  /** The session's absolute end, whatever its tokens say. */
  sessionExpiresAt: Date;
}

/**
 * What presenting a refresh token means. A token already rotated away (`reused`) on a live
 * family means two parties hold the family: the thief or the owner, we cannot tell, so the
 * family ends. A token of a family that already ended is just refused.
 */
export type RefreshVerdict = 'valid' | 'reused' | 'revoked' | 'expired';

export function refreshVerdict(token: RefreshTokenRecord, now: Date): RefreshVerdict {
  if (token.sessionRevokedAt !== null) return 'revoked';
  if (token.usedAt !== null) return 'reused';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (token.sessionExpiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** A new refresh token lives REFRESH_TOKEN_TTL_DAYS, never past its session's absolute end. */
export function refreshTokenExpiry(now: Date, ttlDays: number, sessionExpiresAt: Date): Date {
  return new Date(Math.min(now.getTime() + ttlDays * 86_400_000, sessionExpiresAt.getTime()));
}

export function mapTokenPair(
  accessToken: string,
  refreshToken: string,
  expiresIn: number,
): TokenPair {
  return { accessToken, refreshToken, expiresIn, tokenType: 'Bearer' };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Session ids arrive from the gateway (the JWT `sid`); anything else is no session of ours. */
export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
