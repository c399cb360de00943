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
} as const satisfies ErrorCatalogue;
