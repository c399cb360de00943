import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { DEV_EMAIL_TOKEN_PRIVATE_KEY, DEV_EMAIL_TOKEN_PUBLIC_KEY } from '@dvc/contracts';
import { ConfigError } from './load-config';

/** Development defaults that must never reach production (docs/design.md §9). */
export const DEV_SECRETS = new Set([
  'dev-only-jwt-secret-change-me',
  'guest',
  DEV_EMAIL_TOKEN_PUBLIC_KEY,
  DEV_EMAIL_TOKEN_PRIVATE_KEY,
]);

/** Variables every DVC app reads. Each app's config extends this. */
export class BaseConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** Interface the app's HTTP server binds. */
  @IsString()
  HTTP_HOST = '0.0.0.0';

  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

  /** Postgres schema of this app (each app's config sets its default); tests set a unique one per suite. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DB_SCHEMA: string;

  @IsString()
  AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

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

  /** Names of secrets this config holds, checked against DEV_SECRETS in production. */
  protected secretValues(): Record<string, string | undefined> {
    return { AMQP_URL: new URL(this.AMQP_URL).password };
  }

  assertSafeForProduction(): void {
    if (!this.isProduction) return;
    const unsafe = Object.entries(this.secretValues())
      .filter(([, v]) => v === undefined || v === '' || DEV_SECRETS.has(v))
      .map(([k]) => k);
    if (unsafe.length > 0) {
      throw new ConfigError(
        `Refusing to start in production with development defaults: ${unsafe.join(', ')}`,
      );
    }
  }
}
