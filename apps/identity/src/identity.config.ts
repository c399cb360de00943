import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { BaseConfig, Secret } from '@dvc/config';
import { DEV_EMAIL_TOKEN_PUBLIC_KEY } from '@dvc/contracts';

/** Configuration of the identity service (accounts, sessions, tokens), validated at start. */
export class IdentityConfig extends BaseConfig {
  override DB_SCHEMA = 'identity';

  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3001;

  /** HS256 key of the access JWT, shared with the gateway. The default is refused in production. */
  @Secret()
  @IsString()
  @MinLength(16)
  JWT_SECRET: string = 'dev-only-jwt-secret-change-me';

  /** Access JWT lifetime: at most 15 min (docs/design.md §9). */
  @IsInt()
  @Min(10)
  @Max(900)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  /** A refresh token unused this long expires (each rotation starts a new one). */
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS: number = 30;

  /** Absolute lifetime of a session: however often it is refreshed, it ends this long after login. */
  @IsInt()
  @Min(1)
  @Max(365)
  SESSION_MAX_AGE_DAYS: number = 30;

  /**
   * Public key (base64 DER, SPKI) of the notification service: activation and reset tokens are
   * sealed to it before they leave identity. The development key is refused in production.
   */
  @Secret()
  @IsString()
  @MinLength(100)
  EMAIL_TOKEN_PUBLIC_KEY: string = DEV_EMAIL_TOKEN_PUBLIC_KEY;

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

  /** Failed logins allowed per account (email typed) from one client address in a sliding minute; the next one is 429. */
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES_PER_MINUTE: number = 10;

  /**
   * Failed logins allowed per client address, whatever the account, in a sliding minute. Far
   * higher than the per-account limit: a one-stop office puts many people behind one address.
   */
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_MAX_IP_FAILURES_PER_MINUTE: number = 100;

  /** Consecutive failed logins for one account from one address after which that address is blocked for that account. */
  @IsInt()
  @Min(2)
  @Max(1000)
  LOCKOUT_FAILURES: number = 20;

  @IsInt()
  @Min(1)
  @Max(1440)
  LOCKOUT_MINUTES: number = 15;

  /**
   * Failed logins for one account, from any address, within LOGIN_ATTACK_WINDOW_MINUTES after
   * which the account is under attack: every login to it needs a captcha, the owner's included.
   */
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_CAPTCHA_AFTER_FAILURES: number = 10;

  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_ATTACK_WINDOW_MINUTES: number = 15;

  /** Seed the demo citizen/officer/admin accounts (never in production). */
  @Transform(({ obj, key }) => {
    const raw: unknown = (obj as Record<string, unknown>)[key];
    return raw === undefined ? true : raw === true || raw === 'true' || raw === '1';
  })
  @IsBoolean()
  SEED_DEMO_ACCOUNTS: boolean = true;
}
