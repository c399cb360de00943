import { IsInt, Matches, Max, Min } from 'class-validator';
import { BaseConfig } from '@dvc/config';

/** Configuration of the catalogue service (validated once at start, injected by class). */
export class CatalogueConfig extends BaseConfig {
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  override DB_SCHEMA = 'catalogue';

  /** Health, metrics and the internal form-template downloads; 0 picks a free port (tests). */
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3002;

  /** How long a procedure read stays in Redis; writes delete the entry at once anyway. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  PROCEDURE_CACHE_TTL_SECONDS: number = 300;
}
