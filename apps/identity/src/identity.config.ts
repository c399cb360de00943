import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { BaseConfig } from '@dvc/config';

/** Configuration of the identity service (accounts, sessions, tokens), validated at start. */
export class IdentityConfig extends BaseConfig {
  override DB_SCHEMA = 'identity';

  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3001;

  /** HS256 key of the access JWT, shared with the gateway. The default is refused in production. */
  @IsString()
  @MinLength(16)
  JWT_SECRET: string = 'dev-only-jwt-secret-change-me';

  /** Access JWT lifetime: at most 15 min (DESIGN.md §9). */
  @IsInt()
  @Min(10)
  @Max(900)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS: number = 30;

  /** Activation links live at most 24 h. */
  @IsInt()
  @Min(1)
  @Max(24)
  ACTIVATION_TTL_HOURS: number = 24;

  /** Reset links live at most 30 min. */
  @IsInt()
  @Min(1)
  @Max(30)
  RESET_TTL_MINUTES: number = 30;

  /** Failed logins allowed per account (email) in a sliding minute; the next one is 429. */
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES_PER_MINUTE: number = 10;

  /** Failed logins allowed per client IP in a sliding minute; the next one is 429. */
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_MAX_IP_FAILURES_PER_MINUTE: number = 10;

  /** Consecutive failed logins after which the account is locked. */
  @IsInt()
  @Min(2)
  @Max(1000)
  LOCKOUT_FAILURES: number = 20;

  @IsInt()
  @Min(1)
  @Max(1440)
  LOCKOUT_MINUTES: number = 15;

  /** Seed the demo citizen/officer/admin accounts (never in production). */
  @Transform(({ obj, key }) => {
    const raw: unknown = (obj as Record<string, unknown>)[key];
    return raw === undefined ? true : raw === true || raw === 'true' || raw === '1';
  })
  @IsBoolean()
  SEED_DEMO_ACCOUNTS: boolean = true;

  protected override secretValues(): Record<string, string | undefined> {
    return { ...super.secretValues(), JWT_SECRET: this.JWT_SECRET };
  }
}
