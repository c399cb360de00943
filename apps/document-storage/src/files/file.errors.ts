import { BadRequestError, DomainError, NotFoundError, UnprocessableError } from '@dvc/contracts';

/** The problems an upload or a file lookup can end with (status = what the gateway answers). */
export class FileEmptyError extends BadRequestError {
  constructor() {
    super('file.empty', 'Tệp tin rỗng (0 byte).');
  }
}

export class FileTooLargeError extends DomainError {
  constructor(readonly maxBytes: number) {
    super(413, 'file.too_large', 'Tệp quá lớn', {
      detail: `Tệp tin vượt quá dung lượng cho phép (${formatBytes(maxBytes)}).`,
      maxBytes,
    });
  }
}

export class FileTypeNotAllowedError extends DomainError {
  constructor() {
    super(415, 'file.type_not_allowed', 'Định dạng tệp không được hỗ trợ', {
      detail: 'Chỉ chấp nhận tệp PDF, JPEG, PNG, DOCX, XLSX hoặc XML có chữ ký số.',
    });
  }
}

export class FileInfectedError extends UnprocessableError {
  constructor() {
    super('file.infected', 'Tệp tin chứa mã độc nên đã bị từ chối.');
  }
}

export class FileUnscannableError extends UnprocessableError {
  constructor() {
    super(
      'file.unscannable',
      'Không kiểm tra được mã độc của tệp tin nên tệp đã bị từ chối, vui lòng thử lại sau.',
    );
  }
}

/** The client went away before the whole body arrived. */
export class UploadAbortedError extends BadRequestError {
  constructor() {
    super('upload.aborted', 'Tệp tin chưa được gửi hết.');
  }
}

/** A presigned upload is finalized before anything was PUT to its URL (or after it was dropped). */
export class UploadMissingError extends UnprocessableError {
  constructor() {
    super('file.upload_missing', 'Chưa có tệp nào được tải lên theo đường dẫn đã cấp.');
  }
}

export class FileNotFoundError extends NotFoundError {
  constructor() {
    super('file.not_found', 'Không tìm thấy tệp tin.');
  }
}

function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB) return `${Math.floor((bytes / MiB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${bytes} byte`;
}
