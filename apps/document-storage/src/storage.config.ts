import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { BaseConfig, ProductionValue, RequiredInProduction, Secret } from '@dvc/config';

/**
 * `enableImplicitConversion` turns any non-empty string into `true` (so "false" would mean
 * true); read the raw variable instead.
 */
const EnvBoolean = () =>
  Transform(({ obj, key }) => obj[key] === true || obj[key] === 'true' || obj[key] === '1');

const MiB = 1024 * 1024;

/** Development defaults that must never reach production (docs/design.md §9). */
export const DEV_OBJECT_STORE_KEY = 'S3RVER';
export const DEV_INTERNAL_TOKEN = 'dev-only-internal-token-change-me';

/**
 * Configuration of document-storage (validated once at start, injected by class). Types are
 * written out: the env conversion follows decorator metadata, which isolated transpilation
 * (ts-jest) emits only from written types.
 */
export class StorageConfig extends BaseConfig {
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  override DB_SCHEMA = 'storage';

  /** Health, metrics and the internal file streams; 0 picks a free port (tests). */
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3005;

  /**
   * MinIO (or any S3) host. Unset in development and tests: the app starts an embedded
   * s3rver and talks to it with the same `minio` client. Required in production.
   */
  @RequiredInProduction('no embedded s3rver in production')
  @IsOptional()
  @IsString()
  MINIO_ENDPOINT?: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  MINIO_PORT: number = 9000;

  @EnvBoolean()
  @IsBoolean()
  MINIO_USE_SSL: boolean = false;

  @RequiredInProduction('development value')
  @IsString()
  MINIO_ACCESS_KEY = DEV_OBJECT_STORE_KEY;

  @Secret()
  @IsString()
  MINIO_SECRET_KEY = DEV_OBJECT_STORE_KEY;

  /** Private bucket, created at start when missing. */
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/)
  MINIO_BUCKET = 'dvc-files';

  /** Port of the embedded s3rver (development only); 0 picks a free one (tests). */
  @IsInt()
  @Min(0)
  @Max(65535)
  S3RVER_PORT: number = 9000;

  /** Where the embedded s3rver keeps its objects. */
  @IsString()
  S3RVER_DIRECTORY = '.data/s3rver';

  /** Shared secret the gateway sends as `x-internal-token` on the internal HTTP API. */
  @Secret()
  @IsString()
  @MinLength(16)
  INTERNAL_TOKEN = DEV_INTERNAL_TOKEN;

  /** Cap of one file (docs/design.md §6); an upload's `x-max-bytes` can only lower it. */
  @IsInt()
  @Min(1)
  MAX_FILE_BYTES: number = 10 * MiB;

  /**
   * Cap of all the files of one dossier. The dossier service owns the quota: it answers
   * what is left, and the gateway passes that as `x-max-bytes`.
   */
  @IsInt()
  @Min(1)
  MAX_DOSSIER_BYTES: number = 50 * MiB;

  /** Documents one account may keep in its wallet (giấy tờ cá nhân). */
  @IsInt()
  @Min(1)
  WALLET_MAX_DOCUMENTS: number = 100;

  /** Total size of the files of one account's wallet. */
  @IsInt()
  @Min(1)
  WALLET_MAX_BYTES: number = 200 * MiB;

  /** `signature` (EICAR list, development and tests) or `clamd` (ClamAV, required in production). */
  @ProductionValue('clamd')
  @IsIn(['signature', 'clamd'])
  SCANNER: 'signature' | 'clamd' = 'signature';

  @IsString()
  CLAMD_HOST = '127.0.0.1';

  @IsInt()
  @Min(1)
  @Max(65535)
  CLAMD_PORT: number = 3310;

  /** No answer from clamd within this long: the file is unscannable, so rejected. */
  @IsInt()
  @Min(100)
  @Max(600_000)
  CLAMD_TIMEOUT_MS: number = 30_000;

  /** How often the cleanup job runs. */
  @IsInt()
  @Min(1)
  @Max(1440)
  CLEANUP_INTERVAL_MINUTES: number = 10;

  /** A quarantined object older than this belongs to an upload that died: removed. */
  @IsInt()
  @Min(5)
  @Max(10_080)
  CLEANUP_QUARANTINE_MINUTES: number = 60;

  /** Attachments never attached to a dossier (and wallet files never filed) are removed after this. */
  @IsInt()
  @Min(1)
  @Max(8760)
  CLEANUP_UNCLAIMED_HOURS: number = 24;

  /**
   * Who signs issued documents: `development` (a root CA and agency certificates made on
   * first use under SIGNING_DIRECTORY) or `pkcs12` (one `<agency code>.p12` per agency in
   * SIGNING_P12_DIRECTORY, from secrets; required in production).
   */
  @ProductionValue('pkcs12')
  @IsIn(['development', 'pkcs12'])
  SIGNER: 'development' | 'pkcs12' = 'development';

  /** The development CA and certificates (never committed). */
  @IsString()
  SIGNING_DIRECTORY = '.data/signing';

  @RequiredInProduction("the agencies' own keys")
  @IsOptional()
  @IsString()
  SIGNING_P12_DIRECTORY?: string;

  @Secret()
  @IsOptional()
  @IsString()
  SIGNING_P12_PASSPHRASE?: string;

  /** PEM file of the roots the agencies' certificates chain to (what verification trusts). */
  @RequiredInProduction('what verification trusts')
  @IsOptional()
  @IsString()
  SIGNING_TRUST_ROOTS?: string;
}
