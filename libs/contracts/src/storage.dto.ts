import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBase64,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CodeNameView } from './catalogue.dto';

/** giấy tờ cá nhân: the kinds a citizen keeps in the personal document wallet. */
export const PersonalDocumentTypes = [
  'id-card',
  'birth-certificate',
  'household-registration',
  'degree',
  'other',
] as const;
export type PersonalDocumentType = (typeof PersonalDocumentTypes)[number];

/** Text fields of the multipart `POST /me/documents` (the `file` part is streamed). */
export class CreatePersonalDocumentDto {
  @ApiProperty({ enum: PersonalDocumentTypes })
  @IsIn(PersonalDocumentTypes)
  type: PersonalDocumentType;

  @ApiProperty({ example: 'Căn cước công dân', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: '001099012345', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  number?: string;

  @ApiPropertyOptional({ example: '2021-05-20' })
  @IsOptional()
  @IsISO8601({ strict: true })
  issuedAt?: string;
}

/** Why a file is kept: decides who may read it and when it may be cleaned up. */
export type FilePurpose = 'wallet' | 'attachment' | 'result';

export type FileStatus = 'clean' | 'infected' | 'deleted';

export const FILE_PURPOSES: readonly FilePurpose[] = ['wallet', 'attachment', 'result'];
/** Files a presigned URL may be handed out for: only results, which agency systems upload. */
export const PRESIGNED_PURPOSES: readonly FilePurpose[] = ['result'];

/** Service-to-service requests (no caller) set `internal: true` to skip the owner check. */
class InternalFlag {
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

/** Input of `storage.files.get` and `storage.files.delete`. */
export class FileIdInput extends InternalFlag {
  @IsUUID()
  fileId: string;
}

/**
 * Input of `storage.files.copy`: a clean file copied (server-side) to a new owner/purpose.
 * `ownerId` defaults to the caller; a service (no caller) must give it.
 */
export class CopyFileInput extends InternalFlag {
  @IsUUID()
  fileId: string;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @IsIn(FILE_PURPOSES)
  purpose: FilePurpose;
}

/**
 * Input of `storage.files.claim`: these files now belong to a dossier, so the cleanup keeps
 * them. A service claims any file; an account only its own (others are left out of the answer).
 */
export class ClaimFilesInput extends InternalFlag {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  fileIds: string[];
}

/**
 * Input of `storage.files.presign_upload` (services only): a URL for a system that uploads
 * without the gateway (an agency's result file). The file is `pending` until finalized.
 */
export class PresignUploadInput extends InternalFlag {
  @IsUUID()
  ownerId: string;

  @IsIn(PRESIGNED_PURPOSES)
  purpose: FilePurpose;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  fileName?: string;
}

/** Input of `storage.files.finalize` (services only). */
export class FinalizeUploadInput extends InternalFlag {
  @IsUUID()
  fileId: string;

  /** When given, the file must be this owner's (the dossier that asked for the URL). */
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  /** The caller's cap (e.g. what is left of the dossier quota); MAX_FILE_BYTES at most. */
  @IsOptional()
  @IsInt()
  @Min(1)
  maxBytes?: number;
}

export interface ClaimFilesResult {
  /** The ids that are clean files and now claimed (already claimed ones included). */
  claimed: string[];
}

/** Input of `storage.documents.create`: the wallet file (already uploaded) and its details. */
export class CreateDocumentInput extends CreatePersonalDocumentDto {
  @IsUUID()
  fileId: string;
}

/** Input of `storage.documents.from_result` (services only): a delivered e-result into the wallet. */
export class ResultDocumentInput {
  @IsOptional()
  @IsBoolean()
  internal?: boolean;

  @IsUUID()
  ownerId: string;

  /** The signed file (issued document) delivered to the citizen. */
  @IsUUID()
  fileId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  dossierCode: string;
}

/** Input of `storage.documents.get` and `storage.documents.delete`. */
export class DocumentIdInput {
  @IsUUID()
  documentId: string;
}

export interface DeletedDocument {
  id: string;
  deleted: true;
}

export interface StoredFileView {
  id: string;
  ownerId: string;
  purpose: FilePurpose;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  status: FileStatus;
  createdAt: string;
}

/** Where a wallet document came from: the citizen's upload, or a result the portal delivered. */
export type PersonalDocumentSource = 'upload' | 'result';

export class StoredFileSummary {
  @ApiProperty()
  fileName!: string;

  @ApiProperty()
  contentType!: string;

  @ApiProperty()
  size!: number;

  @ApiProperty()
  sha256!: string;
}

export class PersonalDocumentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The stored file behind the document (what a dossier attaches a copy of)',
  })
  fileId!: string;

  @ApiProperty({ enum: PersonalDocumentTypes })
  type!: PersonalDocumentType;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  number!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  issuedAt!: string | null;

  @ApiProperty({ enum: ['upload', 'result'] })
  source!: PersonalDocumentSource;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The dossier whose result this is (source `result`), else null',
  })
  dossierCode!: string | null;

  @ApiProperty({ type: StoredFileSummary })
  file!: StoredFileSummary;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/**
 * Internal HTTP API of document-storage (never exposed by the ingress; the gateway calls it
 * with the internal token). The body of an upload is the raw file stream.
 */
export const StorageHttp = {
  /** POST, raw body; headers below; answers StoredFileView (201) or a problem. */
  upload: '/internal/files',
  /** GET, streams the bytes of a clean file to its owner or a named service principal. */
  content: (fileId: string) => `/internal/files/${fileId}/content`,
  headers: {
    owner: 'x-file-owner',
    /** Who reads a file the caller does not own (one of FILE_READING_SERVICES). */
    principal: 'x-file-principal',
    purpose: 'x-file-purpose',
    fileName: 'x-file-name', // URI-encoded original name
    maxBytes: 'x-max-bytes', // cap for this upload (e.g. what is left of the dossier quota)
  },
} as const;

/**
 * Service principals that may read files they do not own, and what each may read: `dossier`
 * streams a dossier's attachments and results after `dossier.files.authorize` said yes.
 */
export const FILE_READING_SERVICES = {
  dossier: ['attachment', 'result'],
} as const satisfies Record<string, readonly FilePurpose[]>;

export type FileReadingService = keyof typeof FILE_READING_SERVICES;

/** Who reads a file over the internal HTTP API: never nobody. */
export type FileReader = { ownerId: string } | { service: FileReadingService };

/** Kinds of legal documents the portal issues signed (each verifiable at /xac-thuc/<code>). */
export const IssuedDocumentTypes = [
  'result',
  'dossier-receipt',
  'payment-receipt',
  'apology',
] as const;
export type IssuedDocumentType = (typeof IssuedDocumentTypes)[number];

/** What a verification tells anyone, without login: never personal data. */
export class VerificationView {
  @ApiProperty({ enum: IssuedDocumentTypes })
  documentType!: IssuedDocumentType;

  @ApiProperty({ example: '000.00.01.H26-261207-0001' })
  dossierCode!: string;

  @ApiProperty({ type: CodeNameView })
  agency!: CodeNameView;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiProperty({ description: 'SHA-256 (hex) of the document as issued' })
  sha256!: string;

  @ApiProperty({ description: "The signing certificate's name (the agency)" })
  signer!: string;

  @ApiProperty({ description: 'True only for the exact issued bytes with a signature that checks' })
  valid!: boolean;

  @ApiProperty({ example: 'K7MX2QP9RTWA' })
  verificationCode!: string;
}

/** A document issued signed: the stored file to hand out and how to verify it. */
export interface IssuedDocumentView {
  verificationCode: string;
  documentType: IssuedDocumentType;
  /** The signed PDF (for a non-PDF result: its signed cover sheet). */
  fileId: string;
  fileName: string;
  sha256: string;
  issuedAt: string;
}

/** Internal HTTP API of document-storage for verification by upload (the body is the PDF). */
export const VerificationHttp = {
  /** POST, raw body; answers VerificationView or 404 when the file was never issued here. */
  verify: '/internal/verifications',
} as const;

export class IssueAgencyInput {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;
}

/** Input of `storage.issued.result` (services only). */
export class IssueResultInput {
  @IsOptional()
  @IsBoolean()
  internal?: boolean;

  @IsUUID()
  fileId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  dossierCode: string;

  @ValidateNested()
  @Type(() => IssueAgencyInput)
  agency: IssueAgencyInput;
}

/** Documents a service draws itself and storage signs (the result comes from a file). */
export const DrawnDocumentTypes = ['dossier-receipt', 'payment-receipt', 'apology'] as const;
export type DrawnDocumentType = (typeof DrawnDocumentTypes)[number];

/** Input of `storage.issued.document` (services only): an unsigned PDF to stamp and sign. */
export class IssueDocumentInput {
  @IsOptional()
  @IsBoolean()
  internal?: boolean;

  @IsIn(DrawnDocumentTypes)
  documentType: DrawnDocumentType;

  /** What the document is of (`apology:<id>`, `payment-receipt:<paymentId>`): issued once. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sourceKey: string;

  /** Account that owns the stored copy (the applicant), for downloads by owner. */
  @IsUUID()
  ownerId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  dossierCode: string;

  @ValidateNested()
  @Type(() => IssueAgencyInput)
  agency: IssueAgencyInput;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fileName: string;

  /** The unsigned PDF, base64 (a letter of a few pages: well under 2 MB). */
  @IsBase64()
  @MaxLength(2_800_000)
  pdf: string;
}

/** Input of `storage.issued.verify`: a malformed code is as unknown as a wrong one (404). */
export class VerifyCodeInput {
  @IsString()
  @MaxLength(64)
  verificationCode: string;
}
