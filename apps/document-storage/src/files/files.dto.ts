import type { Selectable } from 'kysely';
import type { FilePurpose, FileStatus, StoredFileView } from '@dvc/contracts';
import type { Files } from '../database/db.generated';

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
