import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BaseConfig } from '@dvc/config';

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

  /** Development default: MailDev's SMTP server (DESIGN.md §8). */
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

  protected override secretValues(): Record<string, string | undefined> {
    // An authenticated relay needs its password; an open internal relay needs none.
    return { ...super.secretValues(), ...(this.SMTP_USER ? { SMTP_PASS: this.SMTP_PASS } : {}) };
  }
}
