import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import type { DeliveryMethod, DossierStatusName } from './dossier-status';
import type { FieldError } from './errors';
import { OfficerActionDto } from './dossier.dto';
import type { EventEnvelope } from './events';

/**
 * Ministry integration (docs/design.md §3): an agency's own system receives its dossier events on
 * `agency.<code>.dossier.<event>` and sends commands to `dvc.commands`; each command is
 * answered by `command.accepted` or `command.rejected` on `agency.<code>.command.<answer>`.
 * Documented in docs/asyncapi.yaml.
 */

/** Durable topic exchange agency systems publish their commands to. */
export const COMMANDS_EXCHANGE = 'dvc.commands';

/** Every command an agency system may send; routing key = type. */
export const CommandTypes = {
  receive: 'command.receive',
  start: 'command.start',
  requestSupplement: 'command.request_supplement',
  requestPayment: 'command.request_payment',
  refuse: 'command.refuse',
  complete: 'command.complete',
  return: 'command.return',
  stop: 'command.stop',
  /** Phiếu xin lỗi: `reason` and `newDueAt`, the rules of the officer's apology. */
  apologize: 'command.apologize',
  /** Not a status change: a presigned URL to PUT one result file to (≤ 300 s). */
  requestUpload: 'command.request_upload',
} as const;
export type CommandType = (typeof CommandTypes)[keyof typeof CommandTypes];
export const COMMAND_TYPES: readonly CommandType[] = Object.values(CommandTypes);

/** The answers to a command (outbox events routed to the agency only). */
export const CommandAnswers = {
  accepted: 'command.accepted',
  rejected: 'command.rejected',
} as const;
export type CommandAnswer = (typeof CommandAnswers)[keyof typeof CommandAnswers];

// ---------- naming: one agency = one word, one user, one queue ----------

/**
 * Shape of an agency code (`000.00.01.H26`): digits, capitals and dots only, so the names
 * derived from it are safe inside RabbitMQ permission patterns.
 */
export const AGENCY_CODE_PATTERN = /^[0-9A-Z]{2,4}(\.[0-9A-Z]{2,4}){2,4}$/;

/** The agency code as one routing-key word: dots become underscores (`000_00_01_H26`). */
export function agencyWord(agencyCode: string): string {
  return agencyCode.replace(/\./g, '_');
}

/** RabbitMQ user of an agency's system; commands must carry it as the `user_id` property. */
export function agencyUser(agencyCode: string): string {
  return `agency-${agencyWord(agencyCode)}`;
}

/** The agency system's own queue, bound to `dvc.events` with `agency.<word>.#`. */
export function agencyInboxQueue(agencyCode: string): string {
  return `agency.${agencyWord(agencyCode)}.inbox`;
}

/** `agency.<word>.<suffix>`, e.g. `agency.000_00_01_H26.dossier.submitted`. */
export function agencyRoutingKey(agencyCode: string, suffix: string): string {
  return `agency.${agencyWord(agencyCode)}.${suffix}`;
}

// ---------- commands in ----------

/** `data` of every command; which fields matter depends on the type (as for the officer API). */
export class AgencyCommandData extends OfficerActionDto {
  /** The agency the command speaks for; must be the publishing user's agency. */
  @IsString()
  @Matches(AGENCY_CODE_PATTERN)
  agencyCode: string;

  /** Mã hồ sơ, e.g. `000.00.01.H26-261126-0007`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  dossierCode: string;

  /** command.complete: files uploaded through `command.request_upload`. */
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  resultFileIds?: string[];

  /** command.apologize: why the dossier is late. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;

  /** command.apologize: the new due date (ISO instant, in working time). */
  @IsOptional()
  @IsISO8601({ strict: true })
  newDueAt?: string;

  /** command.request_upload: the name the citizen will see (type decided from the bytes). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fileName?: string;
}

/** A command: the standard envelope, `id` = command id (uuid; a replay is processed once). */
export interface AgencyCommand extends EventEnvelope<AgencyCommandData> {
  type: CommandType;
}

// ---------- answers and agency events out ----------

export interface CommandAcceptedEvent {
  commandId: string;
  type: CommandType;
  dossierCode: string;
  /** The dossier's status after the command. */
  status: DossierStatusName;
  /** command.request_upload: where to PUT the file, until `expiresAt`. */
  fileId?: string;
  uploadUrl?: string;
  expiresAt?: string;
}

export interface CommandRejectedEvent {
  commandId: string;
  /** The type as sent (may be unknown to us). */
  type: string;
  dossierCode: string | null;
  /** Machine-readable, e.g. `dossier.illegal_transition`, `command.unauthorized`. */
  code: string;
  /** Human-readable (Vietnamese). */
  reason: string;
  /** The dossier's current status, when the command got as far as the dossier. */
  status?: DossierStatusName;
  /** Which fields of `data` were wrong or missing, for `command.invalid` and 422 refusals. */
  errors?: FieldError[];
}

/** A file of the dossier as the agency sees it: enough to fetch and verify it, nothing else. */
export interface AgencyFileRef {
  fileId: string;
  fileName: string;
  size: number;
  sha256: string;
}

/** thành phần hồ sơ: an attachment with its component slot. */
export interface AgencyAttachmentRef extends AgencyFileRef {
  componentId: string;
}

/**
 * What an agency system receives about one of its dossiers (docs/design.md §3): code, procedure,
 * status, dates, the form data and file references. Never an account id, never another
 * agency's data.
 */
export interface AgencyDossierEvent {
  dossierCode: string;
  agencyCode: string;
  procedure: { code: string; name: string; caseId: string; caseName: string };
  status: DossierStatusName;
  statusCode: number;
  /** When the event happened. */
  at: string;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  receiptNumber: string | null;
  deliveryMethod: DeliveryMethod;
  formData: Record<string, unknown>;
  files: AgencyAttachmentRef[];
  results: AgencyFileRef[];
}

/** The agency's copy of `dossier.apologized`: the letter's code, no account ids. */
export interface AgencyDossierApologizedEvent extends AgencyDossierEvent {
  reason: string;
  previousDueAt: string;
  newDueAt: string;
  verificationCode: string;
}

export interface AgencyDossierStatusChangedEvent extends AgencyDossierEvent {
  from: DossierStatusName;
  action: string;
  note: string | null;
  byRole: 'citizen' | 'officer' | 'agency-system' | 'system';
  deliveryTracking: string | null;
  missing?: string[];
}

export interface AgencyDossierPaymentRequiredEvent extends AgencyDossierEvent {
  /** VND integer. */
  amount: number;
  atSubmission: boolean;
}

/** Events published for one agency only (routing key `agency.<word>.…`), with their payloads. */
export interface AgencyEventPayloads {
  'dossier.submitted': AgencyDossierEvent;
  'dossier.status_changed': AgencyDossierStatusChangedEvent;
  'dossier.payment_required': AgencyDossierPaymentRequiredEvent;
  'dossier.apologized': AgencyDossierApologizedEvent;
  'command.accepted': CommandAcceptedEvent;
  'command.rejected': CommandRejectedEvent;
}

// ---------- result files by presigned upload (document-storage RPC) ----------

/** document-storage RPC patterns for uploads that do not pass through the gateway. */
export const PresignedUploadRpc = {
  /** `{ownerId, purpose: 'result', fileName?, internal: true}` → PresignedUploadView; the file is `pending`. */
  presignUpload: 'storage.files.presign_upload',
  /**
   * `{fileId, ownerId?, maxBytes?, internal: true}` → StoredFileView: the uploaded object is
   * inspected, scanned and moved to clean like an HTTP upload; idempotent once clean.
   */
  finalize: 'storage.files.finalize',
} as const;

export interface PresignedUploadView {
  fileId: string;
  /** PUT the bytes here (no other header needed) before `expiresAt`. */
  uploadUrl: string;
  expiresAt: string;
}
