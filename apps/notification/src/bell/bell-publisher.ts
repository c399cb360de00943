import { Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { EntityManager } from 'typeorm';
import { BellMessage, bellChannel } from '@dvc/contracts';
import { NotificationConfig } from '../notification.config';
import { AfterCommit } from './after-commit';

/**
 * Rings the bell live: once the transaction that wrote a notification commits, publishes it
 * on the account's Redis channel, where every gateway instance with a stream open for that
 * account picks it up. Pub/sub is fire-and-forget: a gateway that misses it (Redis down, no
 * stream open) loses nothing, the client lists or replays from Last-Event-ID.
 */
@Injectable()
export class BellPublisher {
  private readonly logger = new Logger(BellPublisher.name);

  constructor(
    private readonly redis: Redis,
    private readonly afterCommit: AfterCommit,
    private readonly config: NotificationConfig,
  ) {}

  publishAfterCommit(manager: EntityManager, message: BellMessage): void {
    this.afterCommit.run(manager, () => {
      const channel = bellChannel(this.config.REDIS_PREFIX, message.accountId);
      this.redis.publish(channel, JSON.stringify(message)).catch((err: Error) => {
        this.logger.warn(`bell ${message.notification.id} not pushed: ${err.message}`);
      });
    });
  }
}
