import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from './page';

/** The calls national-sync makes to the national portal's hub (Cổng DVC quốc gia). */
export type HubCallKind = 'dossier-sync' | 'progress-update' | 'result';

/** `GET /admin/national-sync`: how far the hub is behind. */
export class NationalSyncSummary {
  @ApiProperty({ description: 'Calls not yet accepted by the hub (waiting or retrying)' })
  pending!: number;

  @ApiProperty({ description: 'Calls parked after the retry budget, waiting for an administrator' })
  failed!: number;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  lastSyncedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  oldestPendingAt!: string | null;
}

/** One call parked as failed. */
export class FailedHubCallView {
  @ApiProperty({
    format: 'uuid',
    description: 'Stable id of the call (its idempotency key at the hub)',
  })
  id!: string;

  @ApiProperty({ example: '000.00.01.H26-261126-0007' })
  dossierCode!: string;

  @ApiProperty({ enum: ['dossier-sync', 'progress-update', 'result'] })
  kind!: HubCallKind;

  @ApiProperty({ description: 'National status code the call carries (1–10)' })
  statusCode!: number;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  lastAttemptAt!: string | null;
}

export class FailedHubCallPage {
  @ApiProperty({ type: [FailedHubCallView] })
  items!: FailedHubCallView[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}

/** Input of `national-sync.failed.list`. */
export class ListFailedHubCallsQuery extends PageQuery {}

/** Input of `national-sync.failed.retry`. */
export class HubCallRef {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class RetriedHubCallView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['pending'] })
  status!: 'pending';
}

/** Input of `national-sync.catalogue.import`: some procedure codes, or the hub's whole list. */
export class HubCatalogueImportInput {
  @ApiPropertyOptional({
    type: [String],
    description: 'Hub procedure codes (MaTTHC); all when absent',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  codes?: string[];
}

export type ProcedureImportOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';

export class ProcedureImportReason {
  @ApiProperty({ description: 'JSON pointer in the mapped procedure, or the hub field' })
  field!: string;

  @ApiProperty()
  message!: string;
}

export class ProcedureImportItem {
  @ApiProperty({ description: 'Procedure code (MaTTHC); empty when the hub gave none' })
  code!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ enum: ['created', 'updated', 'unchanged', 'rejected'] })
  outcome!: ProcedureImportOutcome;

  @ApiProperty({ type: [ProcedureImportReason] })
  reasons!: ProcedureImportReason[];
}

/** What an import changed, procedure by procedure. */
export class ProcedureImportReport {
  @ApiProperty()
  created!: number;

  @ApiProperty()
  updated!: number;

  @ApiProperty()
  unchanged!: number;

  @ApiProperty()
  rejected!: number;

  @ApiProperty({ type: [ProcedureImportItem] })
  items!: ProcedureImportItem[];
}

/**
 * Input of `catalogue.procedures.import_each`: procedures (ProcedureSeed shape) checked and
 * written one by one, so one bad item is reported instead of rejecting the others. Items a
 * source could not even map come as `rejected` and are reported as they are.
 */
export interface ImportEachInput {
  procedures: Record<string, unknown>[];
  rejected?: ProcedureImportItem[];
}
