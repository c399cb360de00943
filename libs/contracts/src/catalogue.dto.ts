import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from './page';
import { SERVICE_LEVELS, type ServiceLevel } from './service-level';

export class SearchProceduresQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Từ khoá, không dấu cũng được', example: 'giay phep lai xe' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Mã lĩnh vực', example: 'ho-tich' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  field?: string;

  @ApiPropertyOptional({ description: 'Mã cơ quan', example: '000.00.01.H26' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  agency?: string;

  @ApiPropertyOptional({ enum: [...SERVICE_LEVELS] })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @IsIn([...SERVICE_LEVELS])
  level?: ServiceLevel;
}

export interface AgencyView {
  code: string;
  name: string;
  level: 'central' | 'province' | 'commune';
  parentCode: string | null;
}

export interface FieldView {
  code: string;
  name: string;
}

export interface HolidayView {
  date: string;
  name: string;
  kind: 'holiday' | 'working_day';
}

/** One row of a search result: enough to list, not the whole record. */
export interface ProcedureSummary {
  code: string;
  name: string;
  level: ServiceLevel;
  field: FieldView;
  agency: AgencyView;
}

export interface FormTemplateView {
  id: string;
  name: string;
  format: 'docx' | 'pdf';
  reference: string | null;
  /** Gateway path that downloads the file. */
  downloadUrl: string;
}

export interface ProcedureComponentView {
  id: string;
  name: string;
  originals: number;
  copies: number;
  required: boolean;
  formId: string | null;
  note: string | null;
}

export interface ProcessingTimeView {
  channel: 'online' | 'post' | 'desk';
  value: number;
  unit: 'working_day' | 'working_hour' | 'day';
  note: string | null;
}

export interface FeeView {
  name: string;
  amountVnd: number | null;
  note: string | null;
}

export interface ProcedureCaseView {
  id: string;
  name: string;
  steps: string[];
  components: ProcedureComponentView[];
  processingTimes: ProcessingTimeView[];
  fees: FeeView[];
  formSchema: Record<string, unknown> | null;
}

/** The full level-1 record of a procedure (docs/design.md §1) with its level-2 form downloads. */
export interface ProcedureView extends ProcedureSummary {
  competentAuthority: string;
  implementingAgency: string;
  subjects: string[];
  channels: ('online' | 'post' | 'desk')[];
  cases: ProcedureCaseView[];
  forms: FormTemplateView[];
  results: string[];
  legalBasis: string[];
  conditions: string[];
  decision: string | null;
  feeAtSubmission: boolean;
  /** What the portal allows for this procedure, derived from its level. */
  onlineSubmission: boolean;
  onlinePayment: boolean;
  updatedAt: string;
}

/**
 * A procedure as JSON, in the seed's shape: catalogue checks it against its JSON Schema, so
 * the senders only make sure it is an object (`catalogue.procedures.upsert`).
 */
export type ProcedureDocument = Record<string, unknown>;

/** Input of `catalogue.procedures.get`. */
export interface GetProcedureInput {
  code: string;
}

/** Input of `catalogue.procedures.import` (`POST /admin/procedures/import`), each item checked by catalogue. */
export interface ImportProceduresInput {
  procedures: ProcedureDocument[];
}

/** Input of `catalogue.holidays.list`: one calendar year, or every year when absent. */
export interface ListHolidaysInput {
  year?: number | null;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}
