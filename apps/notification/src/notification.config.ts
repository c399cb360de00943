import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { BaseConfig } from '@dvc/config';
import { DEV_EMAIL_TOKEN_PRIVATE_KEY } from '@dvc/contracts';

/**
 * `enableImplicitConversion` turns any non-empty string into `true` (so "false" would mean
 * true); read the raw variable instead.
 */
const EnvBoolean = () =>
  Transform(({ obj, key }) => obj[key] === true || obj[key] === 'true' || obj[key] === '1');

/**
 * Types are written out: the env conversion follows decorator metadata, which isolated
 * transpilation (ts-jest) emits only from written types.
 */
export class NotificationConfig extends BaseConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3003;

  override DB_SCHEMA = 'notification';

  /** Development default: MailDev's SMTP server (docs/design.md §8). */
  @IsString()
  SMTP_HOST = '127.0.0.1';

  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT: number = 1025;

  /** TLS from the first byte (port 465). Otherwise STARTTLS is used when the server offers it. */
  @EnvBoolean()
  @IsBoolean()
  SMTP_SECURE: boolean = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASS?: string;

  @IsString()
  MAIL_FROM = '"Cổng Dịch vụ công" <no-reply@dvc.local>';

  /**
   * Private key (base64 DER, PKCS#8) that opens the activation and reset tokens identity seals
   * to this service (identity holds the public half). The development key is refused in production.
   */
  @IsString()
  @MinLength(100)
  EMAIL_TOKEN_PRIVATE_KEY: string = DEV_EMAIL_TOKEN_PRIVATE_KEY;

  /** SMTP attempts per email before it is recorded as a permanent failure. */
  @IsInt()
  @Min(1)
  @Max(20)
  EMAIL_MAX_ATTEMPTS: number = 5;

  /** First retry delay; each next one doubles. */
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  EMAIL_BACKOFF_MS: number = 2000;

  /** How long an account's address and language (asked of identity) are reused. */
  @IsInt()
  @Min(0)
  @Max(3600)
  CONTACT_CACHE_SECONDS: number = 60;

  /** `log` writes each SMS to the log (development); `http` posts it to the provider's gateway. */
  @IsIn(['log', 'http'])
  SMS_DRIVER: 'log' | 'http' = 'log';

  /** The SMS provider's HTTP endpoint (SMS_DRIVER=http): POST {from, to, text}. */
  @ValidateIf((c: NotificationConfig) => c.SMS_DRIVER === 'http')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SMS_HTTP_URL?: string;

  /** Bearer token of the SMS provider (SMS_DRIVER=http). */
  @IsOptional()
  @IsString()
  SMS_HTTP_TOKEN?: string;

  /** Registered sender name (brandname) the SMS shows. */
  @IsString()
  SMS_SENDER = 'DVC';

  protected override secretValues(): Record<string, string | undefined> {
    // An authenticated relay needs its password; an open internal relay needs none.
    return {
      ...super.secretValues(),
      EMAIL_TOKEN_PRIVATE_KEY: this.EMAIL_TOKEN_PRIVATE_KEY,
      ...(this.SMTP_USER ? { SMTP_PASS: this.SMTP_PASS } : {}),
      ...(this.SMS_DRIVER === 'http' ? { SMS_HTTP_TOKEN: this.SMS_HTTP_TOKEN } : {}),
    };
  }
}
