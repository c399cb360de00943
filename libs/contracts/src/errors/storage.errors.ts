import type { ErrorCatalogue } from './error-entry';

/** Files and the personal document wallet (giấy tờ cá nhân). */
export const StorageErrors = {
  fileMissing: {
    code: 'file.missing',
    status: 400,
    vi: 'Chưa chọn tệp (trường "file").',
    en: 'No file chosen (field "file").',
  },
  fileEmpty: {
    code: 'file.empty',
    status: 400,
    vi: 'Tệp tin rỗng (0 byte).',
    en: 'The file is empty (0 bytes).',
  },
  fileTooLarge: {
    code: 'file.too_large',
    status: 413,
    vi: 'Tệp tin vượt quá dung lượng cho phép ({limit}).',
    en: 'The file is larger than allowed ({limit}).',
  },
  fileTypeNotAllowed: {
    code: 'file.type_not_allowed',
    status: 415,
    vi: 'Chỉ chấp nhận tệp PDF, JPEG, PNG, DOCX, XLSX hoặc XML có chữ ký số.',
    en: 'Only PDF, JPEG, PNG, DOCX, XLSX or signed XML files are accepted.',
  },
  fileInfected: {
    code: 'file.infected',
    status: 422,
    vi: 'Tệp tin chứa mã độc nên đã bị từ chối.',
    en: 'The file contains malware and was rejected.',
  },
  fileUnscannable: {
    code: 'file.unscannable',
    status: 422,
    vi: 'Không kiểm tra được mã độc của tệp tin nên tệp đã bị từ chối, vui lòng thử lại sau.',
    en: 'The file could not be scanned for malware and was rejected, please try again later.',
  },
  uploadAborted: {
    code: 'upload.aborted',
    status: 400,
    vi: 'Tệp tin chưa được gửi hết.',
    en: 'The file was not sent completely.',
  },
  uploadMissing: {
    code: 'file.upload_missing',
    status: 422,
    vi: 'Chưa có tệp nào được tải lên theo đường dẫn đã cấp.',
    en: 'Nothing was uploaded to the given URL.',
  },
  uploadInvalidHeaders: {
    code: 'upload.invalid_headers',
    status: 400,
    vi: 'Thông tin kèm theo tệp tin không hợp lệ.',
    en: 'The information sent with the file is not valid.',
  },
  readerRequired: {
    code: 'download.reader_required',
    status: 400,
    vi: 'Thiếu người đọc tệp tin.',
    en: 'The reader of the file is missing.',
  },
  walletFull: {
    code: 'document.wallet_full',
    status: 409,
    vi: 'Kho giấy tờ cá nhân đã đầy (tối đa {maxDocuments} giấy tờ, {maxSize}): hãy xoá bớt giấy tờ không dùng.',
    en: 'The personal document wallet is full (at most {maxDocuments} documents, {maxSize}): delete documents you no longer need.',
  },
  fileNotFound: {
    code: 'file.not_found',
    status: 404,
    vi: 'Không tìm thấy tệp tin.',
    en: 'File not found.',
  },
  fileInUse: {
    code: 'file.in_use',
    status: 409,
    vi: 'Tệp tin thuộc một giấy tờ cá nhân; hãy xoá giấy tờ đó thay vì xoá tệp.',
    en: 'The file belongs to a personal document; delete the document instead.',
  },
  copyForbidden: {
    code: 'file.copy_forbidden',
    status: 403,
    vi: 'Chỉ được sao chép tệp tin cho chính mình.',
    en: 'Files can be copied only for yourself.',
  },
  serviceOnly: {
    code: 'file.service_only',
    status: 403,
    vi: 'Chức năng chỉ dành cho các dịch vụ nội bộ.',
    en: 'For internal services only.',
  },
  documentNotFound: {
    code: 'document.not_found',
    status: 404,
    vi: 'Không tìm thấy giấy tờ.',
    en: 'Document not found.',
  },
  documentFileNotWallet: {
    code: 'document.file_not_wallet',
    status: 400,
    vi: 'Tệp tin này không được tải lên cho kho giấy tờ cá nhân.',
    en: 'This file was not uploaded for the personal document wallet.',
  },
  documentFileInUse: {
    code: 'document.file_in_use',
    status: 409,
    vi: 'Tệp tin này đã thuộc một giấy tờ khác.',
    en: 'This file already belongs to another document.',
  },
  /** Xác thực giấy tờ: an unknown code, or a file that was never issued by the portal. */
  verificationNotFound: {
    code: 'verification.not_found',
    status: 404,
    vi: 'Không tìm thấy giấy tờ với mã xác thực này.',
    en: 'No document with this verification code.',
  },
} as const satisfies ErrorCatalogue;
