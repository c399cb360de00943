import type { Selectable } from 'kysely';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import type { FilePurpose, FileStatus, StoredFileView } from '@dvc/contracts';
import type { Files } from '../database/db.generated';

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

/** What the internal HTTP upload carries besides the bytes (from its headers). */
export interface UploadRequest {
  ownerId: string;
  purpose: FilePurpose;
  /** Already sanitised. */
  fileName: string;
  /** The caller's cap for this upload (e.g. what is left of the dossier quota), if any. */
  maxBytes: number | null;
  correlationId: string | null;
}

/** A files row as read (purged_at is the cleanup's business only). */
export type FileColumns = Omit<Selectable<Files>, 'purged_at'>;

/** The generated row with its checked text columns narrowed to the domain's values. */
interface FileRowColumns extends Omit<
  FileColumns,
  'purpose' | 'rejection_reason' | 'status' | 'size' | 'sha256'
> {
  purpose: FilePurpose;
  rejection_reason: 'infected' | 'unscannable' | null;
}

/** A file whose bytes were checked: clean, refused (infected/unscannable) or deleted since. */
export interface SettledFileRow extends FileRowColumns {
  status: FileStatus;
  /** bigint: node-postgres answers a string. */
  size: string;
  sha256: string;
}

/** A presigned upload not finalized yet: nothing is known of its bytes. */
export interface PendingFileRow extends FileRowColumns {
  status: 'pending';
  size: null;
  sha256: null;
}

export type FileRow = SettledFileRow | PendingFileRow;

export function mapStoredFileView(row: SettledFileRow): StoredFileView {
  return {
    id: row.id,
    ownerId: row.owner_id,
    purpose: row.purpose,
    fileName: row.file_name,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}
