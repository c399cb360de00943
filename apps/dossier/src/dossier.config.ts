import { IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { BaseConfig, Secret } from '@dvc/config';

/** Development value of IDEMPOTENCY_SECRET; production refuses to start with it. */
export const DEV_IDEMPOTENCY_SECRET = 'dev-only-dossier-idempotency-secret-change-me';

/** Configuration of the dossier service (validated once at start, injected by class). */
export class DossierConfig extends BaseConfig {
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  override DB_SCHEMA = 'dossier';

  /** Health and metrics; 0 picks a free port (tests). */
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3004;

  /** Total size of the attachments of one dossier (and of its results), docs/design.md §6. */
  @IsInt()
  @Min(1)
  MAX_DOSSIER_BYTES: number = 50 * 1024 * 1024;

  /** Giờ làm việc, local time (Asia/Ho_Chi_Minh), Monday to Friday: `HH:mm-HH:mm[,HH:mm-HH:mm…]`. */
  @Matches(/^\d{2}:\d{2}-\d{2}:\d{2}(,\d{2}:\d{2}-\d{2}:\d{2})*$/)
  WORKING_HOURS = '07:30-11:30,13:00-17:00';

  /** How long the holiday table read from the catalogue is used before it is read again. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  HOLIDAY_CACHE_SECONDS: number = 3600;

  /** Seals the submit answer (with its one-time lookup key) kept for Idempotency-Key replays. */
  @Secret()
  @IsString()
  @MinLength(32)
  IDEMPOTENCY_SECRET = DEV_IDEMPOTENCY_SECRET;

  /** How long a submit answer can be replayed under the same Idempotency-Key. */
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  IDEMPOTENCY_TTL_HOURS: number = 24;

  /** Failed public lookups (unknown code or wrong key) one IP may make per window before 429. */
  @IsInt()
  @Min(1)
  LOOKUP_FAILURES_PER_WINDOW: number = 20;

  @IsInt()
  @Min(1)
  @Max(86_400)
  LOOKUP_WINDOW_SECONDS: number = 600;

  /** Phản ánh, kiến nghị: working days an agency has to answer before it is marked overdue. */
  @IsInt()
  @Min(1)
  @Max(90)
  FEEDBACK_ANSWER_WORKING_DAYS: number = 10;

  /** How often the deadline job looks for dossiers at 80 % of their time or overdue. */
  @IsInt()
  @Min(1)
  @Max(3600)
  DEADLINE_CHECK_SECONDS: number = 300;
}
