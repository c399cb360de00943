import type { ErrorCatalogue } from './error-entry';

/** Satisfaction ratings and feedback/petitions (phản ánh, kiến nghị). */
export const FeedbackErrors = {
  notRateable: {
    code: 'rating.not_rateable',
    status: 409,
    vi: 'Chỉ đánh giá được hồ sơ đã có kết quả hoặc đã trả kết quả.',
    en: 'A dossier can be rated only once its result is ready or delivered.',
  },
  alreadyRated: {
    code: 'rating.already_rated',
    status: 409,
    vi: 'Hồ sơ này đã được đánh giá.',
    en: 'This dossier has already been rated.',
  },
  notFound: {
    code: 'feedback.not_found',
    status: 404,
    vi: 'Không tìm thấy phản ánh, kiến nghị.',
    en: 'Feedback not found.',
  },
  captchaRequired: {
    code: 'captcha.required',
    status: 400,
    vi: 'Vui lòng nhập mã xác nhận để gửi phản ánh khi chưa đăng nhập.',
    en: 'Please answer the captcha to send feedback without signing in.',
  },
  agencyUnknown: {
    code: 'feedback.agency_unknown',
    status: 422,
    vi: 'Không có cơ quan này.',
    en: 'There is no such agency.',
  },
  dossierUnknown: {
    code: 'feedback.dossier_unknown',
    status: 422,
    vi: 'Không có hồ sơ mang mã này.',
    en: 'There is no dossier with this code.',
  },
  alreadyAnswered: {
    code: 'feedback.already_answered',
    status: 409,
    vi: 'Phản ánh này đã được trả lời.',
    en: 'This feedback has already been answered.',
  },
  attachmentsClosed: {
    code: 'feedback.attachments_closed',
    status: 409,
    vi: 'Phản ánh đã được trả lời, không đính kèm thêm tệp được nữa.',
    en: 'This feedback has been answered; no more files can be attached.',
  },
  tooManyAttachments: {
    code: 'feedback.too_many_attachments',
    status: 409,
    vi: 'Mỗi phản ánh, kiến nghị đính kèm được tối đa 5 tệp.',
    en: 'A feedback can have at most 5 attached files.',
  },
  attachmentsQuotaExceeded: {
    code: 'feedback.attachments_quota_exceeded',
    status: 413,
    vi: 'Tổng dung lượng tệp đính kèm của phản ánh đã vượt mức cho phép.',
    en: 'The files attached to this feedback exceed the allowed total size.',
  },
  keyBeforeFile: {
    code: 'feedback.key_before_file',
    status: 400,
    vi: 'Gửi mã tra cứu (trường key) trước tệp đính kèm.',
    en: 'Send the lookup key (field key) before the file.',
  },
} as const satisfies ErrorCatalogue;
