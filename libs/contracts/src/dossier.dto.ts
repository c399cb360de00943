import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ApiEnums } from './api-enums';
import { CodeNameView } from './catalogue.dto';
import { PageCounts, PageQuery, type Page } from './page';
import { OfficerActions } from './dossier-status';
import type { ServiceLevel } from './service-level';
import type {
  CitizenNextAction,
  DeliveryMethod,
  DossierStatusName,
  OfficerAction,
} from './dossier-status';
import { RatingView } from './rating.dto';

const DELIVERY_METHODS: DeliveryMethod[] = ['online', 'post', 'desk'];
const STATUS_NAMES: DossierStatusName[] = [
  'DRAFT',
  'SUBMITTED',
  'RECEIVED',
  'REFUSED',
  'PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'PAYMENT_REQUIRED',
  'WITHDRAWAL_REQUESTED',
  'STOPPED',
  'RESULT_READY',
  'RETURNED',
];

// ---------- requests ----------

export class CreateDossierDto {
  @ApiProperty({ example: '1.001193' })
  @IsString()
  @Matches(/^[0-9]\.[0-9]{6}$/, { message: 'Mã thủ tục không hợp lệ' })
  procedureCode: string;

  @ApiPropertyOptional({
    description: 'Trường hợp (case) id; the first case when omitted',
    example: 'mac-dinh',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  caseId?: string;
}

export class DeliveryAddressDto {
  @ApiProperty({ example: 'Nguyễn Văn A' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  recipient: string;

  @ApiProperty({ example: '0912345678' })
  @Matches(/^\+?[0-9]{9,15}$/, { message: 'Số điện thoại không hợp lệ' })
  phone: string;

  @ApiProperty({ example: 'Số 1 Hoàng Hoa Thám' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  street: string;

  @ApiProperty({ example: 'Phường Ba Đình' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  ward: string;

  @ApiProperty({ example: 'Thành phố Hà Nội' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  province: string;
}

export class UpdateDossierDto {
  @ApiPropertyOptional({
    description: "Online form data, validated against the procedure case's JSON Schema",
  })
  @IsOptional()
  @IsObject()
  formData?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: DELIVERY_METHODS })
  @IsOptional()
  @IsIn(DELIVERY_METHODS)
  deliveryMethod?: DeliveryMethod;

  @ApiPropertyOptional({ type: DeliveryAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeliveryAddressDto)
  deliveryAddress?: DeliveryAddressDto;
}

export class AttachFromDocumentDto {
  @ApiProperty()
  @IsUUID()
  documentId: string;

  @ApiProperty({ example: 'giay-chung-sinh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  componentId: string;
}

export class CitizenNoteDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class OfficerActionDto {
  @ApiPropertyOptional({ description: 'Reason, instructions or remarks', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'request-payment: amount in VND', example: 200000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  amount?: number;

  @ApiPropertyOptional({ description: 'return by post: waybill number', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  deliveryTracking?: string;

  @ApiPropertyOptional({
    description: 'request-supplement: everything missing, listed at once',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  missing?: string[];

  @ApiPropertyOptional({ description: 'request-supplement: deadline (ISO date)' })
  @IsOptional()
  @IsISO8601()
  deadline?: string;
}

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả: why the dossier is late and the new date. */
export class ApologizeDto {
  @ApiProperty({ description: 'Why the dossier is late (lý do chậm trả)', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiProperty({
    description: 'New due date (ISO instant), in working time and after the current due date',
    example: '2026-12-15T09:00:00+07:00',
  })
  @IsISO8601({ strict: true })
  newDueAt: string;
}

export class ListDossiersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUS_NAMES })
  @IsOptional()
  @IsIn(STATUS_NAMES)
  status?: DossierStatusName;
}

/**
 * Tabs of the officer queue: the work in hand (submitted, received, processing — a supplement
 * answered or a fee paid brings a dossier back here — and withdrawal requests), what waits for
 * the citizen (supplement, fee), what is done, and everything.
 */
export const OFFICER_QUEUE_TABS = ['in-hand', 'awaiting-citizen', 'done', 'all'] as const;
export type OfficerQueueTab = (typeof OFFICER_QUEUE_TABS)[number];

export class OfficerQueueQuery extends ListDossiersQuery {
  @ApiPropertyOptional({
    enum: OFFICER_QUEUE_TABS,
    description: 'Queue tab; `in-hand` by default, `all` when a status is given',
  })
  @IsOptional()
  @IsIn(OFFICER_QUEUE_TABS)
  tab?: OfficerQueueTab;

  @ApiPropertyOptional({ description: 'Dossier code or applicant name / ID number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Boolean)
  @IsBoolean()
  overdue?: boolean;
}

export class PublicLookupQuery {
  @ApiProperty({ example: '000.00.01.H26-261126-0007' })
  @IsString()
  @MaxLength(64)
  code: string;

  @ApiProperty({ description: 'Lookup key printed on the receipt, or the applicant ID number' })
  @IsString()
  @MaxLength(32)
  key: string;
}

// ---------- RPC inputs (gateway → `dossier.rpc`; the route's ids travel in the input) ----------

/** get, officerGet, officerPrepareResult. */
export class DossierRefInput {
  @ApiProperty()
  @IsUUID()
  dossierId: string;
}

/** update: `PATCH /dossiers/:id`. */
export class UpdateDossierInput extends UpdateDossierDto {
  @IsUUID()
  dossierId: string;
}

/** prepareAttachment: may the caller attach to this component now? */
export class ComponentRefInput {
  @IsUUID()
  dossierId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  componentId: string;
}

/** addAttachment: a file the citizen uploaded to document-storage with purpose `attachment`. */
export class AddAttachmentInput extends ComponentRefInput {
  @IsUUID()
  fileId: string;
}

/** attachFromDocument: `POST /dossiers/:id/attachments/from-document`. */
export class AttachFromDocumentInput extends AttachFromDocumentDto {
  @IsUUID()
  dossierId: string;
}

/** removeAttachment: `DELETE /dossiers/:id/attachments/:attachmentId`. */
export class RemoveAttachmentInput {
  @IsUUID()
  dossierId: string;

  @IsUUID()
  attachmentId: string;
}

/** submit: `POST /dossiers/:id/submit` with the `Idempotency-Key` header. */
export class SubmitDossierInput {
  @IsUUID()
  dossierId: string;

  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'Idempotency-Key gồm 1–200 ký tự ASCII in được' })
  idempotencyKey?: string | null;
}

/** supplement, withdraw. */
export class CitizenActionInput extends CitizenNoteDto {
  @IsUUID()
  dossierId: string;
}

/** authorizeFile (attachment or result of the dossier), officerAddResult. */
export class DossierFileInput {
  @IsUUID()
  dossierId: string;

  @IsUUID()
  fileId: string;
}

/** officerAction: `POST /officer/dossiers/:id/actions/:action`. */
export class OfficerActionInput extends OfficerActionDto {
  @IsUUID()
  dossierId: string;

  @IsIn(OfficerActions)
  action: OfficerAction;
}

/** officerApologize: `POST /officer/dossiers/:id/actions/apologize`. */
export class ApologizeInput extends ApologizeDto {
  @IsUUID()
  dossierId: string;
}

// ---------- views ----------

/** prepareAttachment / officerPrepareResult: the cap to pass to document-storage (`x-max-bytes`). */
export interface UploadQuotaView {
  remainingBytes: number;
  maxBytes: number;
}

/** authorizeFile: the caller may stream this file. */
export interface FileAuthorizationView {
  fileId: string;
  kind: 'attachment' | 'result' | 'letter';
}

/** removeAttachment. */
export interface RemovedView {
  removed: true;
}

export class AttachmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  componentId!: string;

  @ApiProperty({ format: 'uuid' })
  fileId!: string;

  @ApiProperty()
  fileName!: string;

  @ApiProperty()
  contentType!: string;

  @ApiProperty()
  size!: number;

  @ApiProperty()
  sha256!: string;

  @ApiProperty({ enum: ['upload', 'wallet'] })
  source!: 'upload' | 'wallet';

  @ApiProperty({ description: 'Attached while answering a supplement request' })
  supplement!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** thành phần hồ sơ, as a slot to fill. */
export class ComponentSlotView {
  @ApiProperty()
  componentId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  required!: boolean;

  @ApiProperty()
  originals!: number;

  @ApiProperty()
  copies!: number;

  @ApiProperty({ type: [AttachmentView] })
  attachments!: AttachmentView[];
}

export class StatusHistoryView {
  @ApiProperty({ ...ApiEnums.dossierStatus, nullable: true })
  from!: DossierStatusName | null;

  @ApiProperty(ApiEnums.dossierStatus)
  to!: DossierStatusName;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({
    enum: ['citizen', 'officer', 'agency-system', 'system'],
    description: 'Role of who acted (citizen, officer, ministry system, system); never a name',
  })
  byRole!: 'citizen' | 'officer' | 'agency-system' | 'system';

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiPropertyOptional({
    enum: ['apologize'],
    description: '`apologize` keeps the status: the history row says what happened',
  })
  action?: 'apologize';
}

/**
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả of a received dossier: signed the first time it is
 * downloaded; its code and date are known from then on (null before).
 */
export class IssuedLetterView {
  @ApiProperty()
  downloadUrl!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Mã xác thực under the QR code (`/xac-thuc/<code>`), once issued',
  })
  verificationCode!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  issuedAt!: string | null;
}

/** One apology (phiếu xin lỗi và hẹn lại ngày trả kết quả). */
export class ApologyView {
  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date-time', description: 'The due date it replaced' })
  previousDueAt!: string;

  @ApiProperty({ format: 'date-time' })
  newDueAt!: string;

  @ApiProperty({ description: 'The signed letter' })
  documentUrl!: string;

  @ApiProperty({ format: 'uuid' })
  fileId!: string;

  @ApiProperty()
  verificationCode!: string;
}

export class SupplementRequestView {
  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ type: [String] })
  missing!: string[];

  @ApiProperty({ type: String, nullable: true })
  deadline!: string | null;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;
}

export class CoverSheetView {
  @ApiProperty()
  fileName!: string;

  @ApiProperty()
  downloadUrl!: string;
}

export class ResultFileView {
  @ApiProperty({ format: 'uuid' })
  fileId!: string;

  @ApiProperty()
  fileName!: string;

  @ApiProperty()
  contentType!: string;

  @ApiProperty()
  size!: number;

  @ApiProperty()
  downloadUrl!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Mã xác thực of the signed document, once the dossier is completed (else null)',
  })
  verificationCode!: string | null;

  @ApiProperty({
    type: CoverSheetView,
    nullable: true,
    description:
      'For a result that is not a PDF: its signed cover sheet (trang bìa), once completed',
  })
  coverSheet!: CoverSheetView | null;
}

export class DeliveryAddressView {
  @ApiProperty()
  recipient!: string;

  @ApiProperty()
  phone!: string;

  @ApiProperty()
  street!: string;

  @ApiProperty()
  ward!: string;

  @ApiProperty()
  province!: string;
}

export class DossierProcedureView extends CodeNameView {
  @ApiProperty(ApiEnums.serviceLevel)
  level!: ServiceLevel;
}

export class DossierView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  code!: string | null;

  @ApiProperty({ type: DossierProcedureView })
  procedure!: DossierProcedureView;

  @ApiProperty()
  caseId!: string;

  @ApiProperty({ type: CodeNameView })
  agency!: CodeNameView;

  @ApiProperty(ApiEnums.dossierStatus)
  status!: DossierStatusName;

  @ApiProperty()
  statusCode!: number;

  @ApiProperty({ type: 'object', additionalProperties: true })
  formData!: Record<string, unknown>;

  @ApiProperty(ApiEnums.deliveryMethod)
  deliveryMethod!: DeliveryMethod;

  @ApiProperty({ type: DeliveryAddressView, nullable: true })
  deliveryAddress!: DeliveryAddressView | null;

  @ApiProperty({ type: String, nullable: true })
  deliveryTracking!: string | null;

  @ApiProperty({ type: [ComponentSlotView] })
  components!: ComponentSlotView[];

  @ApiProperty({
    type: [ResultFileView],
    description: "To the applicant only from RESULT_READY on; to the agency's officers always",
  })
  results!: ResultFileView[];

  @ApiProperty({ type: SupplementRequestView, nullable: true })
  supplementRequest!: SupplementRequestView | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Fee due (VND) when PAYMENT_REQUIRED; computed overlay, not a status',
  })
  paymentAmount!: number | null;

  @ApiProperty({ type: String, nullable: true })
  receiptNumber!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Mã tra cứu: to the applicant only (null for officers and drafts)',
  })
  lookupKey!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  submittedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  receivedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  dueAt!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'Since when the deadline clock stands still; dueAt is null meanwhile',
  })
  clockPausedAt!: string | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ type: [StatusHistoryView] })
  history!: StatusHistoryView[];

  @ApiProperty({
    enum: ['submit', 'supplement', 'withdraw', 'pay'],
    isArray: true,
    description:
      "The legal next actions of the applicant, from the dossier service's transition table",
  })
  allowedActions!: CitizenNextAction[];

  @ApiProperty({
    type: RatingView,
    nullable: true,
    description: "The applicant's satisfaction rating, once given (RESULT_READY or RETURNED only)",
  })
  rating!: RatingView | null;

  @ApiProperty({
    type: IssuedLetterView,
    nullable: true,
    description: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả, from `receive` on',
  })
  receipt!: IssuedLetterView | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'The due date before the first apology; else null',
  })
  originalDueAt!: string | null;

  @ApiProperty({ type: [ApologyView], description: 'Apology letters, oldest first' })
  apologies!: ApologyView[];
}

export class DossierSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  code!: string | null;

  @ApiProperty({ type: CodeNameView })
  procedure!: CodeNameView;

  @ApiProperty({ type: CodeNameView })
  agency!: CodeNameView;

  @ApiProperty(ApiEnums.dossierStatus)
  status!: DossierStatusName;

  @ApiProperty()
  statusCode!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  submittedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  dueAt!: string | null;

  @ApiProperty()
  overdue!: boolean;
}

export class DossierSummaryPage extends PageCounts implements Page<DossierSummary> {
  @ApiProperty({ type: [DossierSummary] })
  items!: DossierSummary[];
}

export class ApplicantView {
  @ApiProperty({ format: 'uuid' })
  accountId!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ type: String, nullable: true })
  idNumber!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;
}

/** Quá hạn, or sắp đến hạn (80 % of the processing time used); null otherwise. */
export type DeadlineMark = 'overdue' | 'due-soon';
const DEADLINE_MARK = { enum: ['overdue', 'due-soon'], enumName: 'DeadlineMark', nullable: true };

export class ApplicantSummaryView {
  @ApiProperty()
  fullName!: string;

  @ApiProperty({ type: String, nullable: true })
  idNumber!: string | null;
}

export class OfficerDossierSummary extends DossierSummary {
  @ApiProperty({ type: ApplicantSummaryView })
  applicant!: ApplicantSummaryView;

  @ApiProperty(DEADLINE_MARK)
  deadline!: DeadlineMark | null;
}

/** The number of dossiers in every tab of the queue (same search). */
export class OfficerQueueCounts implements Record<OfficerQueueTab, number> {
  @ApiProperty()
  'in-hand'!: number;

  @ApiProperty()
  'awaiting-citizen'!: number;

  @ApiProperty()
  done!: number;

  @ApiProperty()
  all!: number;
}

/** One page of a queue tab, with the number of dossiers in every tab (same search). */
export class OfficerQueuePage extends PageCounts implements Page<OfficerDossierSummary> {
  @ApiProperty({ type: [OfficerDossierSummary] })
  items!: OfficerDossierSummary[];

  @ApiProperty({ enum: OFFICER_QUEUE_TABS })
  tab!: OfficerQueueTab;

  @ApiProperty({ type: OfficerQueueCounts })
  counts!: OfficerQueueCounts;
}

export class OfficerDossierView extends OmitType(DossierView, ['allowedActions']) {
  @ApiProperty({ type: ApplicantView })
  applicant!: ApplicantView;

  @ApiProperty(DEADLINE_MARK)
  deadline!: DeadlineMark | null;

  @ApiProperty({
    ...ApiEnums.officerAction,
    isArray: true,
    description:
      "The legal next actions of an officer of the agency, in the transition table's order",
  })
  allowedActions!: OfficerAction[];
}

export class SubmitResult {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty({ description: '6 characters, shown once on the receipt; stored hashed' })
  lookupKey!: string;

  @ApiProperty(ApiEnums.dossierStatus)
  status!: DossierStatusName;
}

export class PublicHistoryView {
  @ApiProperty({ ...ApiEnums.dossierStatus, nullable: true })
  from!: DossierStatusName | null;

  @ApiProperty(ApiEnums.dossierStatus)
  to!: DossierStatusName;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

/** TRA CỨU HỒ SƠ: what anyone with the code and key may see — no personal data, no files. */
export class PublicLookupView {
  @ApiProperty()
  code!: string;

  @ApiProperty({ type: CodeNameView })
  procedure!: CodeNameView;

  @ApiProperty({ type: CodeNameView })
  agency!: CodeNameView;

  @ApiProperty(ApiEnums.dossierStatus)
  status!: DossierStatusName;

  @ApiProperty()
  statusCode!: number;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  submittedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  receivedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  dueAt!: string | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ type: [PublicHistoryView] })
  history!: PublicHistoryView[];
}

// ---------- agency statistics ----------

/** `GET /officer/stats`: the caller's agencies (an admin: all, or one), by procedure and month. */
export class AgencyStatsQuery {
  @ApiPropertyOptional({ description: 'First day (YYYY-MM-DD); default 1 January of this year' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Day after the last one (YYYY-MM-DD); default today + 1' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'One agency code (admins; officers only their own)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  agency?: string;
}

export class AgencyStatsCounts {
  @ApiProperty({ description: 'Received (tiếp nhận) in the period' })
  received!: number;

  @ApiProperty({ description: 'Settled: result ready, refused or stopped' })
  finished!: number;

  @ApiProperty({ description: 'Settled no later than the due date' })
  onTime!: number;

  @ApiProperty({ description: 'Settled late, or still open past the due date' })
  overdue!: number;

  @ApiProperty()
  inProgress!: number;
}

export class AgencyStatsRow extends AgencyStatsCounts {
  @ApiProperty({ example: '2026-11', description: 'YYYY-MM (Asia/Ho_Chi_Minh) of receipt' })
  month!: string;

  @ApiProperty()
  procedureCode!: string;

  @ApiProperty()
  procedureName!: string;
}

export class AgencyStatsTotals extends AgencyStatsCounts {
  @ApiProperty({ type: Number, nullable: true, description: 'onTime / finished' })
  onTimeRate!: number | null;
}

export class AgencyStatsView {
  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'string', enum: ['all'] },
    ],
    description: "The agencies counted, or `all` (an administrator's default)",
  })
  agencies!: string[] | 'all';

  @ApiProperty({ type: AgencyStatsTotals })
  totals!: AgencyStatsTotals;

  @ApiProperty({ type: [AgencyStatsRow] })
  rows!: AgencyStatsRow[];
}
