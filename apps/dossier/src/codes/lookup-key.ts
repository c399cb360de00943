import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Mã tra cứu: 6 characters printed on the receipt, read aloud and typed by hand, so no
 * 0/O or 1/I. 32 symbols × 6 = 30 bits, drawn with crypto randomness; only the SHA-256 is
 * stored and the key itself is shown once.
 */
export const LOOKUP_KEY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const LOOKUP_KEY_LENGTH = 6;

export function newLookupKey(): string {
  let key = '';
  for (let i = 0; i < LOOKUP_KEY_LENGTH; i++)
    key += LOOKUP_KEY_ALPHABET[randomInt(LOOKUP_KEY_ALPHABET.length)];
  return key;
}

/** SHA-256 of what was typed, trimmed and upper-cased (a key typed in lower case still matches). */
export function hashLookupSecret(secret: string): Buffer {
  return createHash('sha256').update(secret.trim().toUpperCase(), 'utf8').digest();
}

/** Constant-time comparison of what was typed with a stored hash (null: compares with a dummy). */
export function matchesLookupHash(secret: string, stored: Buffer | null): boolean {
  const candidate = hashLookupSecret(secret);
  const against = stored && stored.length === candidate.length ? stored : DUMMY_HASH;
  return timingSafeEqual(candidate, against) && against !== DUMMY_HASH;
}

const DUMMY_HASH = createHash('sha256').update('no dossier has this key').digest();
