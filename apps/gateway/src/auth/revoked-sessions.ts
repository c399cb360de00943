import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { DomainError, AuthErrors, sessionRevokedChannel } from '@dvc/contracts';
import { GatewayConfig } from '../gateway.config';

/** How often sessions whose tokens have all expired are forgotten. */
const PRUNE_EVERY_MS = 60_000;

/**
 * Sessions identity has revoked (logout, password reset, refresh-token reuse). Identity
 * writes `session-revoked:<sid>` (under the shared REDIS_PREFIX) for as long as an access
 * token of that session could still be valid, and announces the id on `sessionRevokedChannel`
 * before its revocation commits; the gateway refuses those tokens.
 *
 * A session found not revoked is remembered while this instance hears the announcements, so
 * its next requests cost no Redis round trip; an announcement forgets it at once. Whatever
 * may have been missed forgets them all: the subscription lost (until it is back and
 * acknowledged), and a check that was in flight when any announcement came is not remembered.
 */
@Injectable()
export class RevokedSessions implements OnApplicationShutdown {
  private readonly logger = new Logger(RevokedSessions.name);
  /** Sessions checked not revoked: id → expiry (ms) of the latest token checked. */
  private readonly live = new Map<string, number>();
  /** Moves whenever what `live` holds may be stale: an announcement, the subscription lost or back. */
  private epoch = 0;
  private hearing = false;
  private readonly channel: string;
  private readonly subscriber: Redis;
  private readonly pruner: NodeJS.Timeout;

  constructor(
    @Inject(Redis) private readonly redis: Redis,
    config: GatewayConfig,
  ) {
    this.channel = sessionRevokedChannel(config.REDIS_PREFIX);
    // A subscribing connection can do nothing else: it is not the shared command connection.
    this.subscriber = new Redis(config.REDIS_URL, {
      connectionName: 'dvc-gateway-revocations',
      maxRetriesPerRequest: 1,
    });
    this.subscriber.on('error', (err: Error) => this.logger.warn(err.message));
    this.subscriber.on('message', (channel: string, sessionId: string) => {
      if (channel !== this.channel) return;
      this.epoch += 1;
      this.live.delete(sessionId);
    });
    this.subscriber.on('close', () => this.deaf());
    this.subscriber.on('ready', () => this.listen());
    this.pruner = setInterval(() => this.prune(), PRUNE_EVERY_MS).unref();
  }

  /**
   * Is the session revoked? `tokenExpiresAt` (ms), given for a token being accepted, lets a
   * session found not revoked be remembered until then.
   */
  async isRevoked(sessionId: string, tokenExpiresAt?: number): Promise<boolean> {
    if (this.hearing && this.live.has(sessionId)) return false;
    const epoch = this.epoch;
    let revoked: boolean;
    try {
      revoked = (await this.redis.exists(`session-revoked:${sessionId}`)) > 0;
    } catch {
      // Fail closed: a token whose session cannot be checked is not accepted.
      throw new DomainError(AuthErrors.sessionCheckUnavailable);
    }
    if (!revoked && tokenExpiresAt !== undefined && this.hearing && epoch === this.epoch)
      this.live.set(sessionId, Math.max(tokenExpiresAt, this.live.get(sessionId) ?? 0));
    return revoked;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.pruner);
    this.deaf();
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  /** Hearing from the moment Redis acknowledged the subscription (ioredis also re-sends it). */
  private listen(): void {
    this.subscriber.subscribe(this.channel).then(
      () => {
        this.epoch += 1;
        this.hearing = true;
      },
      (err: Error) => this.logger.warn(`session revocations: ${err.message}`),
    );
  }

  private deaf(): void {
    this.hearing = false;
    this.epoch += 1;
    this.live.clear();
  }

  private prune(): void {
    const now = Date.now();
    for (const [sessionId, expiresAt] of this.live)
      if (expiresAt <= now) this.live.delete(sessionId);
  }
}
