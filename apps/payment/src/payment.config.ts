import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import {
  BaseConfig,
  ConfigError,
  ProductionValue,
  RequiredInProduction,
  Secret,
} from '@dvc/config';

/**
 * `enableImplicitConversion` turns any non-empty string into `true` (so "false" would mean
 * true); read the raw variable instead.
 */
const EnvBoolean = () =>
  Transform(({ obj, key }) => obj[key] === true || obj[key] === 'true' || obj[key] === '1');

/** Development merchant of the provider and the simulator; production refuses them. */
export const DEV_VNPAY_TMN_CODE = 'DVCDEV01';
export const DEV_VNPAY_HASH_SECRET = 'dev-only-vnpay-hash-secret-change-me';
export const DEV_INTERNAL_TOKEN = 'dev-only-internal-token-change-me';

/** Where the built-in simulator answers on this app's HTTP server. */
export const SIMULATOR_PAY_PATH = '/simulator/vpcpay.html';
export const SIMULATOR_API_PATH = '/simulator/merchant_webapi/api/transaction';

/**
 * Configuration of the payment service (validated once at start, injected by class). Types
 * are written out: the env conversion follows decorator metadata, which isolated
 * transpilation (ts-jest) emits only from written types.
 */
export class PaymentConfig extends BaseConfig {
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  override DB_SCHEMA: string = 'payment';

  /** Health, metrics, the internal receipt stream and (development) the simulator; 0 picks a free port. */
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3006;

  /** Merchant code (vnp_TmnCode) at the provider. */
  @RequiredInProduction('the development merchant')
  @Matches(/^[A-Za-z0-9]{1,20}$/)
  VNPAY_TMN_CODE: string = DEV_VNPAY_TMN_CODE;

  /** HMAC-SHA512 key shared with the provider (the simulator uses the same one). */
  @Secret()
  @IsString()
  @MinLength(16)
  VNPAY_HASH_SECRET: string = DEV_VNPAY_HASH_SECRET;

  /** The provider's payment page. Empty: the built-in simulator of this app (development). */
  @IsString()
  VNPAY_PAY_URL: string = '';

  /** The provider's query API (querydr). Empty: the built-in simulator of this app. */
  @IsString()
  VNPAY_API_URL: string = '';

  /** Serves the payment simulator under /simulator (development and tests; never production). */
  @ProductionValue(false)
  @EnvBoolean()
  @IsBoolean()
  PAYMENT_SIMULATOR: boolean = true;

  /** Public gateway URL the provider calls server-to-server. Empty: `${PUBLIC_URL}/api/v1/payments/vnpay/ipn`. */
  @IsString()
  PAYMENT_IPN_URL: string = '';

  /**
   * Where the provider sends the browser back to. Empty: the portal's own result page,
   * `${PUBLIC_URL}/giao-dich/ket-qua` (status, receipt, back to the dossier).
   */
  @IsString()
  PAYMENT_RETURN_URL: string = '';

  /** How long a payment may be paid for once it is checked out (vnp_ExpireDate). */
  @IsInt()
  @Min(5)
  @Max(7 * 24 * 60)
  PAYMENT_EXPIRY_MINUTES: number = 90;

  /** How often the reconciliation and expiry job runs. */
  @IsInt()
  @Min(1)
  @Max(1440)
  RECONCILE_INTERVAL_MINUTES: number = 5;

  /** A started payment whose last checkout is older than this is asked about at the provider. */
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  RECONCILE_AFTER_MINUTES: number = 15;

  /** Payments looked at per run (the rest wait for the next one). */
  @IsInt()
  @Min(1)
  @Max(10_000)
  RECONCILE_BATCH_SIZE: number = 200;

  /** Characters kept of the raw query of an IPN whose signature does not check. */
  @IsInt()
  @Min(0)
  @Max(16_384)
  UNSIGNED_IPN_MAX_CHARS: number = 1024;

  /** Unsigned IPNs recorded per minute, all senders together; the rest are answered, not kept. */
  @IsInt()
  @Min(0)
  @Max(100_000)
  UNSIGNED_IPN_PER_MINUTE: number = 60;

  /** Unsigned IPNs are deleted this long after they arrived (by the reconciliation job). */
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  UNSIGNED_IPN_RETENTION_HOURS: number = 24;

  /** Shared secret the gateway sends as `x-internal-token` on the internal HTTP API. */
  @Secret()
  @IsString()
  @MinLength(16)
  INTERNAL_TOKEN: string = DEV_INTERNAL_TOKEN;

  get ipnUrl(): string {
    return this.PAYMENT_IPN_URL || `${trimSlash(this.PUBLIC_URL)}/api/v1/payments/vnpay/ipn`;
  }

  get returnUrl(): string {
    return this.PAYMENT_RETURN_URL || `${trimSlash(this.PUBLIC_URL)}/giao-dich/ket-qua`;
  }

  override assertSafeForProduction(): void {
    if (!this.PAYMENT_SIMULATOR && (!this.VNPAY_PAY_URL || !this.VNPAY_API_URL)) {
      throw new ConfigError(
        'VNPAY_PAY_URL and VNPAY_API_URL are required when the payment simulator is off (PAYMENT_SIMULATOR=false)',
      );
    }
    super.assertSafeForProduction();
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
