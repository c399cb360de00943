import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import {
  BellMessage,
  DomainError,
  bellChannel,
  sessionRevokedChannel,
  NotificationErrors,
} from '@dvc/contracts';
import { GatewayConfig } from '../gateway.config';

export type BellListener = (message: BellMessage) => void;
export type RevocationListener = (sessionId: string) => void;

/**
 * The gateway's one Redis subscriber for the bell: it subscribes to an account's channel
 * while at least one stream of that account is open on this instance, and hands every
 * message to those streams. Each gateway instance has its own, so a notification reaches
 * the account's streams whichever instance they are connected to. It also hears identity
 * announce revoked sessions, whose streams must end.
 */
@Injectable()
export class BellHub implements OnApplicationShutdown {
  private readonly logger = new Logger(BellHub.name);
  private readonly subscriber: Redis;
  private readonly prefix: string;
  private readonly listeners = new Map<string, Set<BellListener>>();
  /** Per account: the SUBSCRIBE in flight or done. */
  private readonly subscriptions = new Map<string, Promise<void>>();
  private readonly revocationListeners = new Set<RevocationListener>();
  private readonly revokedChannel: string;

  constructor(config: GatewayConfig) {
    this.prefix = config.REDIS_PREFIX;
    this.revokedChannel = sessionRevokedChannel(config.REDIS_PREFIX);
    // A subscribing connection can do nothing else: it is not the shared command connection.
    this.subscriber = new Redis(config.REDIS_URL, {
      connectionName: 'dvc-gateway-bell',
      maxRetriesPerRequest: 1,
    });
    this.subscriber.on('error', (err: Error) => this.logger.warn(err.message));
    this.subscriber.on('message', (channel: string, message: string) =>
      channel === this.revokedChannel
        ? this.revocationListeners.forEach((listener) => listener(message))
        : this.dispatch(channel, message),
    );
    // ioredis subscribes again after a reconnect.
    this.subscriber
      .subscribe(this.revokedChannel)
      .catch((err: Error) => this.logger.warn(`session revocations: ${err.message}`));
  }

  /** Calls `listener` with the id of every session identity revokes. */
  onSessionRevoked(listener: RevocationListener): void {
    this.revocationListeners.add(listener);
  }

  /**
   * Calls `listener` with every bell message of the account from the moment this resolves
   * (the subscription is in place) until the returned function is called.
   */
  async listen(accountId: string, listener: BellListener): Promise<() => void> {
    const listeners = this.listeners.get(accountId) ?? new Set<BellListener>();
    this.listeners.set(accountId, listeners);
    listeners.add(listener);
    const stop = () => this.remove(accountId, listener);
    try {
      await this.subscribed(accountId);
    } catch (err) {
      stop();
      this.logger.warn(`bell subscription failed: ${(err as Error).message}`);
      throw new DomainError(NotificationErrors.streamUnavailable, { extra: { retryAfter: 5 } });
    }
    return stop;
  }

  /** Accounts with a stream open on this instance (for tests and metrics). */
  get accounts(): number {
    return this.listeners.size;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  private subscribed(accountId: string): Promise<void> {
    let subscription = this.subscriptions.get(accountId);
    if (!subscription) {
      subscription = this.subscriber.subscribe(this.channelOf(accountId)).then(() => undefined);
      this.subscriptions.set(accountId, subscription);
      subscription.catch(() => this.subscriptions.delete(accountId));
    }
    return subscription;
  }

  private remove(accountId: string, listener: BellListener): void {
    const listeners = this.listeners.get(accountId);
    if (!listeners?.delete(listener) || listeners.size > 0) return;
    this.listeners.delete(accountId);
    this.subscriptions.delete(accountId);
    // Commands on one connection run in order: a SUBSCRIBE sent after this one wins.
    this.subscriber.unsubscribe(this.channelOf(accountId)).catch(() => undefined);
  }

  private channelOf(accountId: string): string {
    return bellChannel(this.prefix, accountId);
  }

  private dispatch(channel: string, raw: string): void {
    const accountId = channel.slice(bellChannel(this.prefix, '').length);
    const listeners = this.listeners.get(accountId);
    if (!listeners) return;
    let message: BellMessage;
    try {
      message = JSON.parse(raw) as BellMessage;
    } catch {
      this.logger.warn(`bell message on ${channel} is not JSON`);
      return;
    }
    // A message for another account on this channel would be a bug upstream: never show it.
    if (message?.accountId !== accountId || typeof message.notification?.id !== 'string') return;
    for (const listener of listeners) listener(message);
  }
}
