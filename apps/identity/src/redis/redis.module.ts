import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { BaseConfig } from '@dvc/config';

/**
 * The identity service's Redis client (captcha answers, login throttling, revoked sessions).
 * Every key carries REDIS_PREFIX through ioredis' `keyPrefix`, so code writes `captcha:<id>`.
 */
@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(Redis) private readonly redis: Redis) {}

  static forRoot(): DynamicModule {
    const client = {
      provide: Redis,
      inject: [BaseConfig],
      useFactory: (config: BaseConfig) =>
        new Redis(config.REDIS_URL, {
          keyPrefix: config.REDIS_PREFIX,
          maxRetriesPerRequest: 2,
          enableOfflineQueue: true,
        }),
    };
    return { module: RedisModule, providers: [client], exports: [Redis] };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
