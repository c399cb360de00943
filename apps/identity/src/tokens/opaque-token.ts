import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of entropy (docs/design.md §9) for activation, reset and refresh tokens. */
export const OPAQUE_TOKEN_BYTES = 32;

/** A fresh random token as sent to its holder: 32 bytes, base64url (43 characters). */
export function newOpaqueToken(): string {
  return randomBytes(OPAQUE_TOKEN_BYTES).toString('base64url');
}

/**
 * What the database keeps instead of the token: its SHA-256 (hex). A salt or a slow hash
 * adds nothing for 256-bit random values, and an exact-match lookup stays an index scan.
 */
export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
