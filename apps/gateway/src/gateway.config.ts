import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { BaseConfig, PublicOrigins, Secret } from '@dvc/config';

/** Configuration of the gateway, the only public HTTP entry of DVC. */
export class GatewayConfig extends BaseConfig {
  // Explicit types: class-transformer converts env strings by the emitted design:type.
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3000;

  /** The gateway owns no tables; the base config still wants a schema name. */
  override DB_SCHEMA: string = 'gateway';

  /** HS256 key shared with identity, which signs the access tokens. */
  @Secret()
  @IsString()
  @MinLength(16)
  JWT_SECRET: string = 'dev-only-jwt-secret-change-me';

  /** Catalogue's internal HTTP server, which streams form templates. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  CATALOGUE_HTTP_URL: string = 'http://127.0.0.1:3002';

  /** document-storage's internal HTTP server, which receives and serves file streams. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  STORAGE_HTTP_URL: string = 'http://127.0.0.1:3005';

  /** The payment service's internal HTTP server, which streams receipts. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PAYMENT_HTTP_URL: string = 'http://127.0.0.1:3006';

  /** Shared secret of the internal HTTP APIs (document-storage); never leaves the cluster. */
  @Secret()
  @IsString()
  @MinLength(16)
  INTERNAL_TOKEN: string = 'dev-only-internal-token-change-me';

  /**
   * When set, `/metrics` and `/health/ready` answer only `Authorization: Bearer <OPS_TOKEN>`
   * (docker-compose publishes the gateway's port; Kubernetes refuses them at the Ingress).
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  OPS_TOKEN?: string;

  /** Largest file one upload may carry (document-storage enforces it too). */
  @IsInt()
  @Min(1)
  MAX_FILE_BYTES: number = 10 * 1024 * 1024;

  /** Public dossier lookups per minute per client IP (TRA CỨU HỒ SƠ). */
  @IsInt()
  @Min(1)
  LOOKUP_RATE_LIMIT_PER_MINUTE: number = 30;

  /** Requests per minute per signed-in account, every route. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 300;

  /**
   * Requests per minute per client IP, every route, signed in or not: far above one person's
   * needs, because a one-stop office puts many people behind one public address.
   */
  @IsInt()
  @Min(1)
  ADDRESS_RATE_LIMIT_PER_MINUTE: number = 3000;

  /**
   * Requests per minute per client IP on each credential route (login, register, …); identity
   * limits failed logins per account and address far lower.
   */
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE: number = 300;

  /** The VNeID OpenID Connect issuer (development: the VNeID simulator). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  OIDC_ISSUER: string = 'http://127.0.0.1:3090';

  /** This portal's client at the VNeID issuer. */
  @IsString()
  @MinLength(1)
  OIDC_CLIENT_ID: string = 'dvc-portal';

  @Secret()
  @IsString()
  @MinLength(16)
  OIDC_CLIENT_SECRET: string = 'dev-only-oidc-secret-change-me';

  /** Comma-separated origins allowed by CORS; empty for same-origin only. */
  @PublicOrigins()
  @IsString()
  CORS_ORIGINS: string = 'http://localhost:3000,http://localhost:5173';

  /** Reverse proxies (ingress, load balancer) in front of the gateway whose X-Forwarded-For is trusted. */
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS: number = 0;

  /** Where VNeID sends the browser back: a public address of this gateway. */
  get oidcRedirectUri(): string {
    return `${this.PUBLIC_URL}/api/v1/auth/oidc/vneid/callback`;
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0);
  }

  /** The gateway owns no tables: it never connects to Postgres. */
  override get usesPostgres(): boolean {
    return false;
  }
}
