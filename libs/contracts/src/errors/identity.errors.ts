import type { ErrorCatalogue } from './error-entry';

/** Accounts, passwords, email links and captchas. */
export const IdentityErrors = {
  accountNotFound: {
    code: 'account.not_found',
    status: 404,
    vi: 'Không tìm thấy tài khoản.',
    en: 'Account not found.',
  },
  notActivated: {
    code: 'account.not_activated',
    status: 403,
    vi: 'Tài khoản chưa được kích hoạt. Vui lòng mở liên kết kích hoạt trong email, hoặc chọn "Gửi lại email kích hoạt".',
    en: 'The account is not activated yet. Please open the activation link in the email, or choose "Resend the activation email".',
  },
  locked: {
    code: 'account.locked',
    status: 423,
    vi: 'Tài khoản đang bị khoá. Vui lòng liên hệ bộ phận hỗ trợ.',
    en: 'The account is locked. Please contact support.',
  },
  serviceOnly: {
    code: 'identity.service_only',
    status: 403,
    vi: 'Chỉ dành cho các dịch vụ nội bộ.',
    en: 'For internal services only.',
  },
  currentPasswordInvalid: {
    code: 'password.current_invalid',
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  passwordTooLong: {
    code: 'password.too_long',
    status: 400,
    vi: 'Mật khẩu dài tối đa {maxBytes} byte.',
    en: 'The password may be at most {maxBytes} bytes long.',
  },
  passwordTooShort: {
    code: 'password.too_short',
    status: 400,
    vi: 'Mật khẩu phải có ít nhất {minChars} ký tự.',
    en: 'The password must have at least {minChars} characters.',
  },
  passwordEqualsEmail: {
    code: 'password.equals_email',
    status: 422,
    vi: 'Mật khẩu không được trùng với email.',
    en: 'The password must not be the email address.',
  },
  tokenInvalid: {
    code: 'token.invalid',
    status: 400,
    vi: 'Liên kết không hợp lệ.',
    en: 'The link is not valid.',
  },
  tokenUsed: {
    code: 'token.used',
    status: 400,
    vi: 'Liên kết này đã được sử dụng.',
    en: 'This link has already been used.',
  },
  tokenExpired: {
    code: 'token.expired',
    status: 400,
    vi: 'Liên kết đã hết hạn, vui lòng yêu cầu liên kết mới.',
    en: 'The link has expired, please ask for a new one.',
  },
  captchaInvalid: {
    code: 'captcha.invalid',
    status: 400,
    vi: 'Mã xác nhận không đúng hoặc đã hết hạn, vui lòng thử mã mới.',
    en: 'The captcha answer is wrong or has expired, please try a new one.',
  },
} as const satisfies ErrorCatalogue;
