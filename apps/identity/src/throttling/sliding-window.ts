/**
 * Sliding-window counting of failed attempts: the moments of the failures still inside the
 * window decide. Unlike fixed per-minute buckets, this never lets twice the limit through
 * around a bucket boundary.
 */
export interface WindowVerdict {
  allowed: boolean;
  /** Whole seconds until one more attempt is allowed (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * @param failuresMs moments (ms) of the failures recorded for one key, oldest first
 * @param max failures allowed inside the window; the next attempt is refused
 */
export function windowVerdict(
  failuresMs: number[],
  nowMs: number,
  windowMs: number,
  max: number,
): WindowVerdict {
  const inside = failuresMs.filter((t) => t > nowMs - windowMs).sort((a, b) => a - b);
  if (inside.length < max) return { allowed: true, retryAfterSeconds: 0 };
  // Below the limit again once enough of the oldest failures have left the window.
  const freedAt = inside[inside.length - max] + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - nowMs) / 1000)) };
}

/** The later of two refusals wins: the client may retry when every key allows it. */
export function combineVerdicts(verdicts: WindowVerdict[]): WindowVerdict {
  const refused = verdicts.filter((v) => !v.allowed);
  if (refused.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(...refused.map((v) => v.retryAfterSeconds)),
  };
}
