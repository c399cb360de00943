import { IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { BaseConfig, RequiredInProduction, Secret } from '@dvc/config';

/** Development default of NATIONAL_HUB_TOKEN: the hub simulator accepts it, production refuses it. */
export const DEV_NATIONAL_HUB_TOKEN = 'dev-only-national-hub-token';

/**
 * Types are written out: the env conversion follows decorator metadata, which isolated
 * transpilation (ts-jest) emits only from written types.
 */
export class NationalSyncConfig extends BaseConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3007;

  override DB_SCHEMA = 'national_sync';

  /** The hub's integration API (development: the hub simulator started by `npm start`). */
  @RequiredInProduction('the development hub simulator')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  NATIONAL_HUB_URL = 'http://127.0.0.1:3095';

  /** The province's unit code at the hub (`madonvi`). */
  @RequiredInProduction('the development unit code')
  @IsString()
  @MinLength(1)
  NATIONAL_HUB_UNIT_CODE = 'DEV-UNIT';

  /** The session token the hub issued to this province (`session` of every call). */
  @Secret()
  @IsString()
  @MinLength(16)
  NATIONAL_HUB_TOKEN: string = DEV_NATIONAL_HUB_TOKEN;

  /** Deadline of one call to the hub. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  NATIONAL_HUB_TIMEOUT_MS: number = 10_000;

  /** Attempts of one call before it is parked as failed for an administrator. */
  @IsInt()
  @Min(1)
  @Max(50)
  NATIONAL_SYNC_MAX_ATTEMPTS: number = 8;

  /** Delay before the first retry; each next one doubles (with jitter), up to the maximum. */
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  NATIONAL_SYNC_BACKOFF_MS: number = 5_000;

  @IsInt()
  @Min(10)
  @Max(86_400_000)
  NATIONAL_SYNC_MAX_BACKOFF_MS: number = 3_600_000;

  /**
   * How long a queued call waits before its first attempt, so that the events of one dossier
   * that reach this service out of order (competing consumers, a redelivery) are sent in the
   * order they happened rather than the order they arrived.
   */
  @IsInt()
  @Min(0)
  @Max(600_000)
  NATIONAL_SYNC_SETTLE_MS: number = 2_000;

  /** How often the dispatcher looks for due calls when nothing woke it. */
  @IsInt()
  @Min(10)
  @Max(60_000)
  NATIONAL_SYNC_POLL_MS: number = 1_000;

  /** Dossiers whose next call is sent at the same time. */
  @IsInt()
  @Min(1)
  @Max(64)
  NATIONAL_SYNC_CONCURRENCY: number = 4;
}
