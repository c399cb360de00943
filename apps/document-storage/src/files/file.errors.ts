import { DomainError, StorageErrors } from '@dvc/contracts';

/** The problems an upload or a file lookup can end with (status = what the gateway answers). */
export class FileEmptyError extends DomainError {
  constructor() {
    super(StorageErrors.fileEmpty);
  }
}

export class FileTooLargeError extends DomainError {
  constructor(readonly maxBytes: number) {
    super(StorageErrors.fileTooLarge, {
      params: { limit: formatBytes(maxBytes) },
      extra: { maxBytes },
    });
  }
}

export class FileTypeNotAllowedError extends DomainError {
  constructor() {
    super(StorageErrors.fileTypeNotAllowed);
  }
}

export class FileInfectedError extends DomainError {
  constructor() {
    super(StorageErrors.fileInfected);
  }
}

export class FileUnscannableError extends DomainError {
  constructor() {
    super(StorageErrors.fileUnscannable);
  }
}

/** The client went away before the whole body arrived. */
export class UploadAbortedError extends DomainError {
  constructor() {
    super(StorageErrors.uploadAborted);
  }
}

/** A presigned upload is finalized before anything was PUT to its URL (or after it was dropped). */
export class UploadMissingError extends DomainError {
  constructor() {
    super(StorageErrors.uploadMissing);
  }
}

export class FileNotFoundError extends DomainError {
  constructor() {
    super(StorageErrors.fileNotFound);
  }
}

function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB) return `${Math.floor((bytes / MiB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${bytes} byte`;
}
