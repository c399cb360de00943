import { isSessionId, refreshTokenExpiry, refreshVerdict } from './sessions.dto';

describe('refresh token verdict', () => {
  const now = new Date('2026-03-01T08:00:00Z');
  const token = {
    sessionId: '5b0c2c55-4a5e-4a43-9a3c-0c1f7c1e2a10',
    accountId: 'c8b1f0a4-7f55-4d3b-9a55-1b2f7e6d0c11',
    expiresAt: new Date('2026-03-31T08:00:00Z'),
    usedAt: null,
    sessionRevokedAt: null,
    sessionExpiresAt: new Date('2026-03-20T08:00:00Z'),
  };

  it('rotates a fresh token of a live session', () => {
    expect(refreshVerdict(token, now)).toBe('valid');
  });

  it('calls a used token on a live session a reuse (the family must end)', () => {
    expect(refreshVerdict({ ...token, usedAt: new Date('2026-03-01T07:00:00Z') }, now)).toBe(
      'reused',
    );
  });

  it('refuses any token of an ended session, used or not, without further action', () => {
    const revoked = { ...token, sessionRevokedAt: new Date('2026-03-01T07:30:00Z') };
    expect(refreshVerdict(revoked, now)).toBe('revoked');
    expect(refreshVerdict({ ...revoked, usedAt: new Date('2026-03-01T07:00:00Z') }, now)).toBe(
      'revoked',
    );
  });

  it('refuses an expired token', () => {
    expect(refreshVerdict({ ...token, expiresAt: now }, now)).toBe('expired');
  });

  it('refuses a fresh token once its session reached its absolute end', () => {
    expect(refreshVerdict({ ...token, sessionExpiresAt: now }, now)).toBe('expired');
  });

  it('never gives a new refresh token more life than its session has left', () => {
    const sessionEnd = new Date('2026-03-05T08:00:00Z');
    expect(refreshTokenExpiry(now, 30, sessionEnd)).toEqual(sessionEnd);
    expect(refreshTokenExpiry(now, 1, sessionEnd)).toEqual(new Date('2026-03-02T08:00:00Z'));
  });

  it('recognises session ids', () => {
    expect(isSessionId(token.sessionId)).toBe(true);
    expect(isSessionId("x' OR 1=1")).toBe(false);
    expect(isSessionId(undefined)).toBe(false);
  });
});
