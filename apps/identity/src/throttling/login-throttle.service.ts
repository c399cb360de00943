import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash, randomUUID } from 'node:crypto';
import { AuthErrors, DomainError } from '@dvc/contracts';
import { IdentityConfig } from '../identity.config';
import { WindowVerdict, combineVerdicts, windowVerdict } from './sliding-window';

const MINUTE_MS = 60_000;
/** How long a run of consecutive failures is remembered without a new one. */
const STREAK_TTL_SECONDS = 24 * 3600;

/** Who is trying: the (normalised) email typed in, known account or not, and the client address. */
export interface LoginSubject {
  email: string;
  ip: string | null;
}

/** What the attempt needs before its password is checked. */
export interface AttemptPermit {
  /** The account is under attack: the attempt must come with a solved captcha. */
  captchaRequired: boolean;
}

interface Window {
  key: string;
  max: number;
  ms: number;
}

/**
 * Failed-login throttling in Redis, as OWASP advises: guessing is slowed where it comes from,
 * never by locking the account itself, so nobody can lock the owner out.
 * - per (account, client address), a sliding minute (429 with `retryAfter`), and after
 *   LOCKOUT_FAILURES consecutive failures that address is blocked for that account for
 *   LOCKOUT_MINUTES (429 too): only the guesser's address, not the owner's;
 * - per client address, whatever the account, a far higher sliding minute: a one-stop office
 *   puts many honest people behind one address;
 * - per account, from every address: past LOGIN_CAPTCHA_AFTER_FAILURES failures in
 *   LOGIN_ATTACK_WINDOW_MINUTES the account is under attack and every login to it needs a
 *   captcha, which a distributed guesser cannot solve in bulk and the owner can.
 * Everything is keyed by the email typed in, not by account, so an unknown email is
 * throttled exactly like a real one and the answers reveal nothing.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly config: IdentityConfig,
  ) {}

  /** Throws 429 when this address may not try now; says whether a captcha is needed. */
  async check(subject: LoginSubject): Promise<AttemptPermit> {
    const blockedMs = await this.redis.pttl(keys.block(subject));
    if (blockedMs > 0) throw tooManyAttempts(Math.ceil(blockedMs / 1000));
    const now = Date.now();
    const verdict = combineVerdicts(
      await Promise.all(this.addressWindows(subject).map((w) => this.verdictOf(w, now))),
    );
    if (!verdict.allowed) throw tooManyAttempts(verdict.retryAfterSeconds);
    const account = await this.verdictOf(this.accountWindow(subject.email), now);
    return { captchaRequired: !account.allowed };
  }

  async recordFailure(subject: LoginSubject): Promise<void> {
    const now = Date.now();
    const tx = this.redis.multi();
    for (const w of [...this.addressWindows(subject), this.accountWindow(subject.email)]) {
      tx.zadd(w.key, now, `${now}:${randomUUID()}`)
        // Only the latest `max` failures decide; a flood cannot grow the set.
        .zremrangebyrank(w.key, 0, -(w.max + 1))
        .pexpire(w.key, w.ms);
    }
    const streakKey = keys.streak(subject);
    tx.incr(streakKey).expire(streakKey, STREAK_TTL_SECONDS);
    const results = (await tx.exec()) ?? [];
    const streak = Number(results[results.length - 2]?.[1] ?? 0);
    if (streak >= this.config.LOCKOUT_FAILURES) {
      await this.redis
        .multi()
        .set(keys.block(subject), '1', 'EX', this.config.LOCKOUT_MINUTES * 60)
        .del(streakKey)
        .exec();
    }
  }

  /** A successful login ends this address's run of consecutive failures for the account. */
  async recordSuccess(subject: LoginSubject): Promise<void> {
    await this.redis.del(keys.streak(subject));
  }

  /**
   * A password reset proves control of the mailbox: the account is no longer treated as under
   * attack, and the address the reset came from is no longer blocked for it.
   */
  async release(subject: LoginSubject): Promise<void> {
    await this.redis.del(
      keys.accountWindow(subject.email),
      keys.pairWindow(subject),
      keys.streak(subject),
      keys.block(subject),
    );
  }

  private addressWindows(subject: LoginSubject): Window[] {
    const windows = [
      {
        key: keys.pairWindow(subject),
        max: this.config.LOGIN_MAX_FAILURES_PER_MINUTE,
        ms: MINUTE_MS,
      },
    ];
    if (subject.ip) {
      windows.push({
        key: keys.ipWindow(subject.ip),
        max: this.config.LOGIN_MAX_IP_FAILURES_PER_MINUTE,
        ms: MINUTE_MS,
      });
    }
    return windows;
  }

  private accountWindow(email: string): Window {
    return {
      key: keys.accountWindow(email),
      max: this.config.LOGIN_CAPTCHA_AFTER_FAILURES,
      ms: this.config.LOGIN_ATTACK_WINDOW_MINUTES * MINUTE_MS,
    };
  }

  private async verdictOf(w: Window, now: number): Promise<WindowVerdict> {
    const flat = await this.redis.zrangebyscore(w.key, `(${now - w.ms}`, '+inf', 'WITHSCORES');
    const failures = flat.filter((_, i) => i % 2 === 1).map(Number);
    return windowVerdict(failures, now, w.ms, w.max);
  }
}

const tooManyAttempts = (retryAfterSeconds: number) =>
  new DomainError(AuthErrors.tooManyAttempts, { extra: { retryAfter: retryAfterSeconds } });

/** Emails are hashed in key names: Redis holds no personal data for this. */
const emailKey = (email: string): string =>
  createHash('sha256').update(email).digest('hex').slice(0, 32);

/** The account and the address together; requests without an address share one. */
const pairKey = ({ email, ip }: LoginSubject): string => `${emailKey(email)}:${ip ?? 'unknown'}`;

const keys = {
  pairWindow: (subject: LoginSubject) => `login-failures:pair:${pairKey(subject)}`,
  ipWindow: (ip: string) => `login-failures:ip:${ip}`,
  accountWindow: (email: string) => `login-failures:account:${emailKey(email)}`,
  streak: (subject: LoginSubject) => `login-streak:${pairKey(subject)}`,
  block: (subject: LoginSubject) => `login-block:${pairKey(subject)}`,
};
