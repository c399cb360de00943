import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiEnums } from './api-enums';
import { PageCounts, PageQuery, type Page } from './page';
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

export class AgencyView {
  @ApiProperty({ example: '000.00.01.H26' })
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ['central', 'province', 'commune'] })
  level!: 'central' | 'province' | 'commune';

  @ApiProperty({ type: String, nullable: true })
  parentCode!: string | null;
}

export class FieldView {
  @ApiProperty({ example: 'ho-tich' })
  code!: string;

  @ApiProperty()
  name!: string;
}

export class HolidayView {
  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ['holiday', 'working_day'] })
  kind!: 'holiday' | 'working_day';
}

/** A procedure or agency named by its code. */
export class CodeNameView {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;
}

/** One row of a search result: enough to list, not the whole record. */
export class ProcedureSummary {
  @ApiProperty({ example: '1.001193' })
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty(ApiEnums.serviceLevel)
  level!: ServiceLevel;

  @ApiProperty({ type: FieldView })
  field!: FieldView;

  @ApiProperty({ type: AgencyView })
  agency!: AgencyView;
}

export class ProcedureSummaryPage extends PageCounts implements Page<ProcedureSummary> {
  @ApiProperty({ type: [ProcedureSummary] })
  items!: ProcedureSummary[];
}

export class FormTemplateView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ['docx', 'pdf'] })
  format!: 'docx' | 'pdf';

  @ApiProperty({ type: String, nullable: true })
  reference!: string | null;

  @ApiProperty({ description: 'Gateway path that downloads the file' })
  downloadUrl!: string;
}

export class ProcedureComponentView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  originals!: number;

  @ApiProperty()
  copies!: number;

  @ApiProperty()
  required!: boolean;

  @ApiProperty({ type: String, nullable: true })
  formId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}

export class ProcessingTimeView {
  @ApiProperty(ApiEnums.deliveryMethod)
  channel!: 'online' | 'post' | 'desk';

  @ApiProperty()
  value!: number;

  @ApiProperty({ enum: ['working_day', 'working_hour', 'day'] })
  unit!: 'working_day' | 'working_hour' | 'day';

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}

export class FeeView {
  @ApiProperty()
  name!: string;

  @ApiProperty({ type: Number, nullable: true })
  amountVnd!: number | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}

export class ProcedureCaseView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: [String] })
  steps!: string[];

  @ApiProperty({ type: [ProcedureComponentView] })
  components!: ProcedureComponentView[];

  @ApiProperty({ type: [ProcessingTimeView] })
  processingTimes!: ProcessingTimeView[];

  @ApiProperty({ type: [FeeView] })
  fees!: FeeView[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'JSON Schema of the online form',
  })
  formSchema!: Record<string, unknown> | null;
}

/** The full level-1 record of a procedure (docs/design.md §1) with its level-2 form downloads. */
export class ProcedureView extends ProcedureSummary {
  @ApiProperty()
  competentAuthority!: string;

  @ApiProperty()
  implementingAgency!: string;

  @ApiProperty({ type: [String] })
  subjects!: string[];

  @ApiProperty({ ...ApiEnums.deliveryMethod, isArray: true })
  channels!: ('online' | 'post' | 'desk')[];

  @ApiProperty({ type: [ProcedureCaseView] })
  cases!: ProcedureCaseView[];

  @ApiProperty({ type: [FormTemplateView] })
  forms!: FormTemplateView[];

  @ApiProperty({ type: [String] })
  results!: string[];

  @ApiProperty({ type: [String] })
  legalBasis!: string[];

  @ApiProperty({ type: [String] })
  conditions!: string[];

  @ApiProperty({ type: String, nullable: true })
  decision!: string | null;

  @ApiProperty()
  feeAtSubmission!: boolean;

  @ApiProperty({ description: 'What the portal allows for this procedure, derived from its level' })
  onlineSubmission!: boolean;

  @ApiProperty()
  onlinePayment!: boolean;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
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

export class ImportResult {
  @ApiProperty()
  created!: number;

  @ApiProperty()
  updated!: number;

  @ApiProperty()
  unchanged!: number;
}
