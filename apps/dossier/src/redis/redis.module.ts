import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { BaseConfig } from '@dvc/config';

/**
 * The app's one Redis connection, injected as `Redis`, every key under REDIS_PREFIX.
 * Global because the readiness check (OpsModule) needs it too.
 */
@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(private readonly redis: Redis) {}

  static forRoot(): DynamicModule {
    const provider = {
      provide: Redis,
      inject: [BaseConfig],
      // Fail a command after one reconnect attempt rather than queueing it for ever.
      useFactory: (c: BaseConfig) =>
        new Redis(c.REDIS_URL, { keyPrefix: c.REDIS_PREFIX, maxRetriesPerRequest: 1 }),
    };
    return { module: RedisModule, providers: [provider], exports: [Redis] };
  }

  async onApplicationShutdown(): Promise<void> {
    // QUIT would wait for a connection that may never come back.
    if (this.redis.status === 'ready') await this.redis.quit();
    else this.redis.disconnect();
  }
}
