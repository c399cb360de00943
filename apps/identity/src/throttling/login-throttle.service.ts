import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash, randomUUID } from 'node:crypto';
import { TooManyRequestsError } from '@dvc/contracts';
import { AccountLockedError } from '../accounts/account.errors';
import { IdentityConfig } from '../identity.config';
import { combineVerdicts, windowVerdict } from './sliding-window';

const WINDOW_MS = 60_000;
/** How long a run of consecutive failures is remembered without a new one. */
const STREAK_TTL_SECONDS = 24 * 3600;

/** Who is trying: the (normalised) email typed in, known account or not, and the client IP. */
export interface LoginSubject {
  email: string;
  ip: string | null;
}

/**
 * Failed-login throttling and lockout in Redis (DESIGN.md §9).
 * - per email and per IP, a sliding minute: past the limit the attempt is refused with 429
 *   and `retryAfter`, before any password is checked;
 * - consecutive failures per email: at LOCKOUT_FAILURES the email is locked for
 *   LOCKOUT_MINUTES (423), whatever password comes next.
 * Everything is keyed by the email typed in, not by account, so an unknown email is
 * throttled and locked exactly like a real one and the answers reveal nothing.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly config: IdentityConfig,
  ) {}

  async assertMayAttempt(subject: LoginSubject): Promise<void> {
    const lockedMs = await this.redis.pttl(keys.lock(subject.email));
    if (lockedMs > 0) throw new AccountLockedError(Math.ceil(lockedMs / 1000));
    const now = Date.now();
    const verdicts = await Promise.all(
      this.windows(subject).map(async ({ key, max }) =>
        windowVerdict(await this.failuresOf(key, now), now, WINDOW_MS, max),
      ),
    );
    const verdict = combineVerdicts(verdicts);
    if (!verdict.allowed) {
      throw new TooManyRequestsError(
        'auth.too_many_attempts',
        'Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau.',
        verdict.retryAfterSeconds,
      );
    }
  }

  async recordFailure(subject: LoginSubject): Promise<void> {
    const now = Date.now();
    const tx = this.redis.multi();
    for (const { key } of this.windows(subject)) {
      tx.zremrangebyscore(key, '-inf', now - WINDOW_MS)
        .zadd(key, now, `${now}:${randomUUID()}`)
        .pexpire(key, WINDOW_MS);
    }
    const streakKey = keys.streak(subject.email);
    tx.incr(streakKey).expire(streakKey, STREAK_TTL_SECONDS);
    const results = (await tx.exec()) ?? [];
    const streak = Number(results[results.length - 2]?.[1] ?? 0);
    if (streak >= this.config.LOCKOUT_FAILURES) {
      await this.redis
        .multi()
        .set(keys.lock(subject.email), '1', 'EX', this.config.LOCKOUT_MINUTES * 60)
        .del(streakKey)
        .exec();
    }
  }

  /** A successful login ends the run of consecutive failures. */
  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(keys.streak(email));
  }

  /** A password reset proves control of the mailbox: the lock and the email's counters go. */
  async release(email: string): Promise<void> {
    await this.redis.del(keys.streak(email), keys.lock(email), keys.emailWindow(email));
  }

  private windows(subject: LoginSubject): { key: string; max: number }[] {
    const windows = [
      { key: keys.emailWindow(subject.email), max: this.config.LOGIN_MAX_FAILURES_PER_MINUTE },
    ];
    if (subject.ip)
      windows.push({
        key: keys.ipWindow(subject.ip),
        max: this.config.LOGIN_MAX_IP_FAILURES_PER_MINUTE,
      });
    return windows;
  }

  private async failuresOf(key: string, now: number): Promise<number[]> {
    const flat = await this.redis.zrangebyscore(key, `(${now - WINDOW_MS}`, '+inf', 'WITHSCORES');
    return flat.filter((_, i) => i % 2 === 1).map(Number);
  }
}

/** Emails are hashed in key names: Redis holds no personal data for this. */
const emailKey = (email: string): string =>
  createHash('sha256').update(email).digest('hex').slice(0, 32);

const keys = {
  emailWindow: (email: string) => `login-failures:email:${emailKey(email)}`,
  ipWindow: (ip: string) => `login-failures:ip:${ip}`,
  streak: (email: string) => `login-streak:${emailKey(email)}`,
  lock: (email: string) => `login-lock:${emailKey(email)}`,
};
