import type { ErrorCatalogue } from './error-entry';

/** Dossiers: drafts, attachments, the status machine, officer actions, lookup, ministry commands. */
export const DossierErrors = {
  notFound: {
    code: 'dossier.not_found',
    status: 404,
    vi: 'Không tìm thấy hồ sơ.',
    en: 'Dossier not found.',
  },
  caseUnknown: {
    code: 'dossier.case_unknown',
    status: 422,
    vi: 'Thủ tục không có trường hợp này.',
    en: 'The procedure has no such case.',
  },
  offlineOnly: {
    code: 'dossier.offline_only',
    status: 409,
    vi:
      'Thủ tục "{procedure}" (mức độ {level}) không nộp trực tuyến: vui lòng nộp hồ sơ trực tiếp ' +
      'tại {agency} hoặc qua dịch vụ bưu chính. Mẫu đơn, tờ khai: {forms}.',
    en:
      'Procedure "{procedure}" (level {level}) cannot be filed online: please file the dossier ' +
      'in person at {agency} or by post. Forms: {forms}.',
  },
  deliveryUnavailable: {
    code: 'dossier.delivery_unavailable',
    status: 422,
    vi: 'Thủ tục mức độ 3 trả kết quả tại bộ phận một cửa.',
    en: 'Level-3 procedures hand the result over at the agency desk.',
  },
  formInvalid: {
    code: 'dossier.form_invalid',
    status: 422,
    vi: 'Tờ khai có thông tin chưa hợp lệ.',
    en: 'Some answers in the form are not valid.',
  },
  formTooLarge: {
    code: 'dossier.form_too_large',
    status: 422,
    vi: 'Dữ liệu tờ khai quá lớn.',
    en: 'The form data is too large.',
  },
  incomplete: {
    code: 'dossier.incomplete',
    status: 422,
    vi: 'Hồ sơ chưa đủ để nộp.',
    en: 'The dossier is not complete enough to submit.',
  },
  notEditable: {
    code: 'dossier.not_editable',
    status: 409,
    vi: 'Hồ sơ chỉ được sửa khi đang soạn, hoặc khi cơ quan yêu cầu bổ sung (chỉ tờ khai và thành phần hồ sơ).',
    en: 'A dossier can be edited only as a draft, or when a supplement is requested (form and components only).',
  },
  illegalTransition: {
    code: 'dossier.illegal_transition',
    status: 409,
    vi: 'Không thể thực hiện thao tác "{action}" khi hồ sơ đang ở trạng thái {status}.',
    en: 'Action "{action}" is not possible while the dossier is {status}.',
  },
  componentUnknown: {
    code: 'dossier.component_unknown',
    status: 422,
    vi: 'Thủ tục không có thành phần hồ sơ này.',
    en: 'The procedure has no such dossier component.',
  },
  filePurpose: {
    code: 'dossier.file_purpose',
    status: 422,
    vi: 'Tệp này không được tải lên làm thành phần hồ sơ.',
    en: 'This file was not uploaded as a dossier component.',
  },
  fileRejected: {
    code: 'dossier.file_rejected',
    status: 422,
    vi: 'Tệp không dùng được: tệp phải được tải lên đúng mục đích và đã quét an toàn.',
    en: 'The file cannot be used: it must be uploaded for this purpose and scanned clean.',
  },
  quotaExceeded: {
    code: 'dossier.quota_exceeded',
    status: 413,
    vi: 'Tổng dung lượng tệp của hồ sơ không được vượt quá {maxMb} MB.',
    en: 'The files of a dossier may not exceed {maxMb} MB in total.',
  },
  attachmentSubmitted: {
    code: 'dossier.attachment_submitted',
    status: 409,
    vi: 'Tệp đã nộp không gỡ được; hãy đính kèm tệp bổ sung.',
    en: 'A submitted file cannot be removed; attach an additional file instead.',
  },
  attachmentNotFound: {
    code: 'attachment.not_found',
    status: 404,
    vi: 'Không tìm thấy tệp đính kèm trong hồ sơ.',
    en: 'No such attachment in the dossier.',
  },
  attachmentFileInUse: {
    code: 'attachment.file_in_use',
    status: 409,
    vi: 'Tệp này đã được đính kèm vào một thành phần hồ sơ.',
    en: 'This file is already attached to a dossier component.',
  },
  onlinePaymentUnavailable: {
    code: 'dossier.online_payment_unavailable',
    status: 409,
    vi: 'Thủ tục mức độ 3 nộp phí, lệ phí tại bộ phận một cửa, không thanh toán trực tuyến.',
    en: 'Level-3 procedures take fees at the agency desk, not online.',
  },
  notProcessing: {
    code: 'dossier.not_processing',
    status: 409,
    vi: 'Chỉ thêm kết quả khi hồ sơ đang được xử lý.',
    en: 'Results can be added only while the dossier is being processed.',
  },
  apologyNotProcessing: {
    code: 'dossier.apology_not_processing',
    status: 409,
    vi: 'Chỉ xin lỗi và hẹn lại ngày trả khi hồ sơ đang được xử lý.',
    en: 'An apology and a new date are given only while the dossier is being processed.',
  },
  apologyDateInvalid: {
    code: 'dossier.apology_date_invalid',
    status: 422,
    vi: 'Ngày hẹn trả mới phải sau hạn hiện tại và trong giờ làm việc.',
    en: 'The new due date must be after the current one and within working hours.',
  },
  supplementReasonRequired: {
    code: 'dossier.supplement_reason_required',
    status: 422,
    vi: 'Liệt kê đầy đủ giấy tờ cần bổ sung.',
    en: 'List every document that must be supplied.',
  },
  deadlinePast: {
    code: 'dossier.deadline_past',
    status: 422,
    vi: 'Hạn bổ sung phải sau thời điểm hiện tại.',
    en: 'The supplement deadline must be in the future.',
  },
  amountRequired: {
    code: 'dossier.amount_required',
    status: 422,
    vi: 'Nhập số tiền phí, lệ phí cần nộp.',
    en: 'Enter the fee amount to pay.',
  },
  noteRequired: {
    code: 'dossier.note_required',
    status: 422,
    vi: 'Nêu rõ lý do.',
    en: 'Give the reason.',
  },
  resultMissing: {
    code: 'dossier.result_missing',
    status: 422,
    vi: 'Tải lên kết quả giải quyết trước khi hoàn thành.',
    en: 'Upload the result before completing.',
  },
  trackingRequired: {
    code: 'dossier.tracking_required',
    status: 422,
    vi: 'Nhập mã vận đơn bưu chính.',
    en: 'Enter the postal tracking number.',
  },
  lookupNotFound: {
    code: 'lookup.not_found',
    status: 404,
    vi: 'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập.',
    en: 'No dossier matches this dossier code and lookup key.',
  },
  lookupThrottled: {
    code: 'lookup.throttled',
    status: 429,
    vi: 'Bạn đã tra cứu sai quá nhiều lần, vui lòng thử lại sau.',
    en: 'Too many failed lookups, please try again later.',
  },
  commandUnauthorized: {
    code: 'command.unauthorized',
    status: 403,
    vi: 'Lệnh phải được gửi bằng tài khoản hệ thống của cơ quan {agency} (user_id {user}).',
    en: 'Commands must be sent with the system account of agency {agency} (user_id {user}).',
  },
  commandUnknownType: {
    code: 'command.unknown_type',
    status: 400,
    vi: 'Loại lệnh không hợp lệ: {type}. Các loại lệnh: {types}.',
    en: 'Unknown command type: {type}. Command types: {types}.',
  },
  commandInvalid: {
    code: 'command.invalid',
    status: 400,
    vi: 'Dữ liệu của lệnh không hợp lệ.',
    en: 'The command data is not valid.',
  },
} as const satisfies ErrorCatalogue;
