import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { PageQuery, type Page } from './page';
import { OfficerActions } from './dossier-status';
import type { ServiceLevel } from './service-level';
import type {
  CitizenNextAction,
  DeliveryMethod,
  DossierStatusName,
  OfficerAction,
} from './dossier-status';
import type { RatingView } from './rating.dto';

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

export interface AttachmentView {
  id: string;
  componentId: string;
  fileId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  source: 'upload' | 'wallet';
  /** Attached while answering a supplement request. */
  supplement: boolean;
  createdAt: string;
}

/** thành phần hồ sơ, as a slot to fill. */
export interface ComponentSlotView {
  componentId: string;
  name: string;
  required: boolean;
  originals: number;
  copies: number;
  attachments: AttachmentView[];
}

export interface StatusHistoryView {
  from: DossierStatusName | null;
  to: DossierStatusName;
  at: string;
  /** Role of who acted (citizen, officer, ministry system, system); never a name. */
  byRole: 'citizen' | 'officer' | 'agency-system' | 'system';
  note: string | null;
  /** `apologize` keeps the status: the history row says what happened. */
  action?: 'apologize';
}

/**
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả of a received dossier: signed the first time it is
 * downloaded; its code and date are known from then on (null before).
 */
export interface IssuedLetterView {
  downloadUrl: string;
  /** Mã xác thực under the QR code (`/xac-thuc/<code>`), once issued. */
  verificationCode: string | null;
  issuedAt: string | null;
}

/** One apology (phiếu xin lỗi và hẹn lại ngày trả kết quả). */
export interface ApologyView {
  issuedAt: string;
  reason: string;
  /** The due date it replaced. */
  previousDueAt: string;
  newDueAt: string;
  /** The signed letter. */
  documentUrl: string;
  fileId: string;
  verificationCode: string;
}

export interface SupplementRequestView {
  note: string | null;
  missing: string[];
  deadline: string | null;
  requestedAt: string;
}

export interface ResultFileView {
  fileId: string;
  fileName: string;
  contentType: string;
  size: number;
  downloadUrl: string;
  /** Mã xác thực of the signed document, once the dossier is completed (else null). */
  verificationCode: string | null;
  /** For a result that is not a PDF: its signed cover sheet (trang bìa), once completed. */
  coverSheet: { fileName: string; downloadUrl: string } | null;
}

export interface DeliveryAddressView {
  recipient: string;
  phone: string;
  street: string;
  ward: string;
  province: string;
}

export interface DossierView {
  id: string;
  code: string | null;
  procedure: { code: string; name: string; level: ServiceLevel };
  caseId: string;
  agency: { code: string; name: string };
  status: DossierStatusName;
  statusCode: number;
  formData: Record<string, unknown>;
  deliveryMethod: DeliveryMethod;
  deliveryAddress: DeliveryAddressView | null;
  deliveryTracking: string | null;
  components: ComponentSlotView[];
  /** To the applicant only from RESULT_READY on; to the agency's officers always. */
  results: ResultFileView[];
  supplementRequest: SupplementRequestView | null;
  /** Fee due (VND) when PAYMENT_REQUIRED; computed overlay, not a status. */
  paymentAmount: number | null;
  receiptNumber: string | null;
  /** Mã tra cứu: to the applicant only (null for officers, drafts and dossiers submitted before it was kept). */
  lookupKey: string | null;
  createdAt: string;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  /** Since when the deadline clock stands still (SUPPLEMENT_REQUESTED, PAYMENT_REQUIRED); dueAt is null meanwhile. */
  clockPausedAt: string | null;
  overdue: boolean;
  history: StatusHistoryView[];
  /** The legal next actions of the applicant, from the dossier service's transition table. */
  allowedActions: CitizenNextAction[];
  /** The applicant's satisfaction rating, once given (RESULT_READY or RETURNED only). */
  rating: RatingView | null;
  /** Giấy tiếp nhận hồ sơ và hẹn trả kết quả, from `receive` on (signed on first download). */
  receipt: IssuedLetterView | null;
  /** The due date before the first apology (on-time figures count against it); else null. */
  originalDueAt: string | null;
  /** Apology letters, oldest first. */
  apologies: ApologyView[];
}

export interface DossierSummary {
  id: string;
  code: string | null;
  procedure: { code: string; name: string };
  agency: { code: string; name: string };
  status: DossierStatusName;
  statusCode: number;
  createdAt: string;
  submittedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
}

export interface ApplicantView {
  accountId: string;
  fullName: string;
  idNumber: string | null;
  email: string | null;
  phone: string | null;
}

/** Quá hạn, or sắp đến hạn (80 % of the processing time used); null otherwise. */
export type DeadlineMark = 'overdue' | 'due-soon';

export interface OfficerDossierSummary extends DossierSummary {
  applicant: { fullName: string; idNumber: string | null };
  deadline: DeadlineMark | null;
}

/** One page of a queue tab, with the number of dossiers in every tab (same search). */
export interface OfficerQueuePage extends Page<OfficerDossierSummary> {
  tab: OfficerQueueTab;
  counts: Record<OfficerQueueTab, number>;
}

export interface OfficerDossierView extends Omit<DossierView, 'allowedActions'> {
  applicant: ApplicantView;
  deadline: DeadlineMark | null;
  /** The legal next actions of an officer of the agency, in the transition table's order. */
  allowedActions: OfficerAction[];
}

export interface SubmitResult {
  id: string;
  code: string;
  /** 6 characters, shown once on the receipt; stored hashed. */
  lookupKey: string;
  status: DossierStatusName;
}

/** TRA CỨU HỒ SƠ: what anyone with the code and key may see — no personal data, no files. */
export interface PublicLookupView {
  code: string;
  procedure: { code: string; name: string };
  agency: { code: string; name: string };
  status: DossierStatusName;
  statusCode: number;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  history: { from: DossierStatusName | null; to: DossierStatusName; at: string }[];
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

export interface AgencyStatsCounts {
  /** Received (tiếp nhận) in the period. */
  received: number;
  /** Settled: result ready, refused or stopped. */
  finished: number;
  /** Settled no later than the due date. */
  onTime: number;
  /** Settled late, or still open past the due date. */
  overdue: number;
  inProgress: number;
}

export interface AgencyStatsRow extends AgencyStatsCounts {
  /** YYYY-MM (Asia/Ho_Chi_Minh) of receipt. */
  month: string;
  procedureCode: string;
  procedureName: string;
}

export interface AgencyStatsView {
  from: string;
  to: string;
  agencies: string[] | 'all';
  totals: AgencyStatsCounts & { onTimeRate: number | null };
  rows: AgencyStatsRow[];
}
