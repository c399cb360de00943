import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { ConfigError } from './load-config';
import { productionProblems, SecretInUrl } from './production-safety';

/** Variables every DVC app reads. Each app's config extends this. */
export class BaseConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /**
   * Interface the app's HTTP server binds. Loopback by default: internal ports (health,
   * metrics, file streams) are not on the network unless a deployment says so (0.0.0.0 in
   * containers, where the network policy and the published ports decide).
   */
  @IsString()
  HTTP_HOST = '127.0.0.1';

  @SecretInUrl<BaseConfig>({ when: (c) => c.usesPostgres })
  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

  /** Postgres schema of this app (each app's config sets its default); tests set a unique one per suite. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DB_SCHEMA: string;

  @SecretInUrl()
  @IsString()
  AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

  @SecretInUrl()
  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  /**
   * Prefix of every Redis key this app writes; tests set a unique one per suite. Empty by
   * default so that the keys other apps and tests read are literal (`captcha:<id>`, docs/design.md §9).
   */
  @IsString()
  REDIS_PREFIX = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsInt()
  @Min(100)
  @Max(60000)
  RPC_TIMEOUT_MS: number = 5000;

  @IsInt()
  @Min(1)
  @Max(1000)
  RPC_PREFETCH: number = 32;

  @IsInt()
  @Min(1)
  @Max(100)
  EVENT_DELIVERY_LIMIT: number = 5;

  /** The portal's public address, used in links sent to citizens. */
  @IsString()
  PUBLIC_URL = 'http://localhost:3000';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** Whether the app connects to Postgres (all but the gateway): its URL is then checked. */
  get usesPostgres(): boolean {
    return true;
  }

  /** Production refuses development values, naming every offending setting at once. */
  assertSafeForProduction(): void {
    if (!this.isProduction) return;
    const unsafe = productionProblems(this);
    if (unsafe.length > 0) {
      throw new ConfigError(
        `Refusing to start in production with development defaults: ${unsafe.join(', ')}`,
      );
    }
  }
}
