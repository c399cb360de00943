import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { GatewayConfig } from '../gateway.config';

export const REDIS = Symbol('REDIS');

/**
 * One Redis connection for the gateway: rate-limit counters and the revoked-session keys
 * identity writes. Every key is under REDIS_PREFIX. A command fails fast while Redis is
 * down instead of queueing for ever.
 */
@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig) => {
        const redis = new Redis(config.REDIS_URL, {
          keyPrefix: config.REDIS_PREFIX,
          maxRetriesPerRequest: 1,
          connectionName: 'dvc-gateway',
        });
        const logger = new Logger('Redis');
        redis.on('error', (err: Error) => logger.warn(err.message));
        return redis;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
