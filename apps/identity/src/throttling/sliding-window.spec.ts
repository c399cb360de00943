import { combineVerdicts, windowVerdict } from './sliding-window';

describe('sliding window of failed logins', () => {
  const minute = 60_000;
  const now = 1_000_000;
  const failures = (n: number, from: number, step = 1000) =>
    Array.from({ length: n }, (_, i) => from + i * step);

  it('allows while fewer than the limit failed in the last minute', () => {
    expect(windowVerdict([], now, minute, 10)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(windowVerdict(failures(9, now - 9000), now, minute, 10)).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
  });

  it('refuses the 11th attempt, until the oldest failure leaves the window', () => {
    // 10 failures, the oldest 50 s ago: one is allowed again in 10 s.
    const ten = failures(10, now - 50_000);
    expect(windowVerdict(ten, now, minute, 10)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(windowVerdict(ten, now + 9_999, minute, 10).allowed).toBe(false);
    expect(windowVerdict(ten, now + 10_000, minute, 10).allowed).toBe(true);
  });

  it('ignores failures older than the window', () => {
    const old = failures(10, now - 5 * minute);
    expect(windowVerdict(old, now, minute, 10).allowed).toBe(true);
  });

  it('has no bucket boundary to burst across', () => {
    // 10 failures in the last second of one "minute" and none since: still refused a second later.
    const burst = failures(10, now - 1000, 50);
    expect(windowVerdict(burst, now + 1000, minute, 10)).toMatchObject({ allowed: false });
  });

  it('waits for enough failures to leave when more than the limit were recorded', () => {
    // 12 failures (concurrent attempts), limit 10: the 3rd oldest must leave first.
    const twelve = failures(12, now - 55_000, 1000);
    expect(windowVerdict(twelve, now, minute, 10)).toEqual({
      allowed: false,
      retryAfterSeconds: 7,
    });
  });

  it('rounds up, and never says 0 seconds when refusing', () => {
    const ten = failures(10, now - minute + 1, 0);
    expect(windowVerdict(ten, now, minute, 10)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('makes the client wait for the last of several refusals', () => {
    expect(
      combineVerdicts([
        { allowed: false, retryAfterSeconds: 5 },
        { allowed: true, retryAfterSeconds: 0 },
        { allowed: false, retryAfterSeconds: 42 },
      ]),
    ).toEqual({ allowed: false, retryAfterSeconds: 42 });
    expect(combineVerdicts([{ allowed: true, retryAfterSeconds: 0 }])).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
  });
});
