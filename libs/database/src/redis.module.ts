import {
  DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import Redis from 'ioredis';
import { BaseConfig } from '@dvc/config';

/**
 * An app's one Redis connection, injected as `Redis`. Every key gets REDIS_PREFIX through
 * ioredis' `keyPrefix` (code writes `captcha:<id>`), so test suites sharing a server never
 * see each other's keys. A command fails after one reconnect attempt instead of queueing
 * for ever. Global because readiness checks need it too.
 */
@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(Redis) private readonly redis: Redis) {}

  static forRoot(connectionName: string): DynamicModule {
    const provider = {
      provide: Redis,
      inject: [BaseConfig],
      useFactory: (config: BaseConfig) => {
        const redis = new Redis(config.REDIS_URL, {
          keyPrefix: config.REDIS_PREFIX,
          maxRetriesPerRequest: 1,
          connectionName: `dvc-${connectionName}`,
        });
        const logger = new Logger('Redis');
        redis.on('error', (err: Error) => logger.warn(err.message));
        return redis;
      },
    };
    return { module: RedisModule, providers: [provider], exports: [Redis] };
  }

  async onApplicationShutdown(): Promise<void> {
    // QUIT would wait for a connection that may never come back.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
