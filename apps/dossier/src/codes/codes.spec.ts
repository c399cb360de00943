import { createHash } from 'node:crypto';
import { DOSSIER_CODE_PATTERN, formatDossierCode } from './dossier-code';
import {
  LOOKUP_KEY_ALPHABET,
  LOOKUP_KEY_LENGTH,
  hashLookupSecret,
  matchesLookupHash,
  newLookupKey,
} from './lookup-key';

describe('dossier code', () => {
  it('is <agency>-<yyMMdd>-<NNNN>', () => {
    expect(formatDossierCode('000.00.01.H26', '2026-11-26', 7)).toBe('000.00.01.H26-261126-0007');
    expect(formatDossierCode('000.00.01.H26', '2026-01-05', 50)).toBe('000.00.01.H26-260105-0050');
    expect(formatDossierCode('000.00.01.H26', '2026-01-05', 12345)).toBe(
      '000.00.01.H26-260105-12345',
    );
    expect(formatDossierCode('000.00.01.H26', '2026-11-26', 7)).toMatch(DOSSIER_CODE_PATTERN);
  });
});

describe('lookup key', () => {
  it('uses 32 unambiguous symbols: no 0, O, 1 or I', () => {
    expect(LOOKUP_KEY_ALPHABET).toHaveLength(32);
    expect(new Set(LOOKUP_KEY_ALPHABET).size).toBe(32);
    expect(LOOKUP_KEY_ALPHABET).not.toMatch(/[0O1I]/);
  });

  it('is 6 characters of that alphabet, spread over all of it', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const key = newLookupKey();
      expect(key).toHaveLength(LOOKUP_KEY_LENGTH);
      expect(key).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/);
      for (const c of key) seen.add(c);
    }
    expect(seen.size).toBe(32);
    expect(new Set(Array.from({ length: 200 }, newLookupKey)).size).toBe(200);
  });

  it('is stored as SHA-256 and matched in constant time, case-insensitively', () => {
    const hash = hashLookupSecret('K7PQ2M');
    expect(hash).toEqual(createHash('sha256').update('K7PQ2M').digest());
    expect(hash).toHaveLength(32);
    expect(matchesLookupHash('K7PQ2M', hash)).toBe(true);
    expect(matchesLookupHash(' k7pq2m ', hash)).toBe(true);
    expect(matchesLookupHash('K7PQ2N', hash)).toBe(false);
    expect(matchesLookupHash('K7PQ2M', null)).toBe(false);
  });
});
