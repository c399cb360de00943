import type { ErrorCatalogue } from './error-entry';

/** Who may call: tokens, sessions, roles (checked in the gateway and in every service). */
export const AuthErrors = {
  required: {
    code: 'auth.required',
    status: 401,
    vi: 'Vui lòng đăng nhập.',
    en: 'Please sign in.',
  },
  crossOrigin: {
    code: 'auth.cross_origin',
    status: 403,
    vi: 'Yêu cầu không xuất phát từ trang của Cổng dịch vụ công.',
    en: 'The request did not come from a page of the portal.',
  },
  missingToken: {
    code: 'auth.missing_token',
    status: 401,
    vi: 'Cần đăng nhập (Authorization: Bearer <mã truy cập>).',
    en: 'Sign in first (Authorization: Bearer <access token>).',
  },
  invalidToken: {
    code: 'auth.invalid_token',
    status: 401,
    vi: 'Mã truy cập không hợp lệ.',
    en: 'The access token is not valid.',
  },
  tokenExpired: {
    code: 'auth.token_expired',
    status: 401,
    vi: 'Mã truy cập đã hết hạn, hãy làm mới phiên đăng nhập.',
    en: 'The access token has expired; refresh the session.',
  },
  sessionRevoked: {
    code: 'auth.session_revoked',
    status: 401,
    vi: 'Phiên đăng nhập đã kết thúc, vui lòng đăng nhập lại.',
    en: 'The session has ended, please sign in again.',
  },
  sessionCheckUnavailable: {
    code: 'auth.session_check_unavailable',
    status: 503,
    vi: 'Không kiểm tra được phiên đăng nhập, vui lòng thử lại sau.',
    en: 'The session cannot be checked right now, please try again later.',
  },
  invalidCredentials: {
    code: 'auth.invalid_credentials',
    status: 401,
    vi: 'Email hoặc mật khẩu không đúng.',
    en: 'Wrong email or password.',
  },
  captchaRequired: {
    code: 'auth.captcha_required',
    status: 401,
    vi: 'Tài khoản này đang bị thử mật khẩu nhiều lần. Vui lòng nhập mã xác nhận để đăng nhập.',
    en: 'Many wrong passwords were tried on this account. Please answer the captcha to sign in.',
  },
  invalidRefresh: {
    code: 'auth.invalid_refresh',
    status: 401,
    vi: 'Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại.',
    en: 'The session is not valid, please sign in again.',
  },
  refreshReused: {
    code: 'auth.refresh_reused',
    status: 401,
    vi: 'Phiên đăng nhập đã bị thu hồi vì phát hiện sử dụng lại mã làm mới. Vui lòng đăng nhập lại.',
    en: 'The session was revoked because a refresh token was used twice. Please sign in again.',
  },
  refreshExpired: {
    code: 'auth.refresh_expired',
    status: 401,
    vi: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
    en: 'The session has expired, please sign in again.',
  },
  tooManyAttempts: {
    code: 'auth.too_many_attempts',
    status: 429,
    vi: 'Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau.',
    en: 'Too many failed attempts. Please try again later.',
  },
  roleRequired: {
    code: 'auth.role_required',
    status: 403,
    vi: 'Chức năng này dành cho vai trò: {roles}.',
    en: 'This is for the role(s): {roles}.',
  },
  adminRequired: {
    code: 'auth.admin_required',
    status: 403,
    vi: 'Chỉ quản trị viên được sửa danh mục thủ tục.',
    en: 'Only administrators may edit the procedure catalogue.',
  },
  officerRequired: {
    code: 'auth.officer_required',
    status: 403,
    vi: 'Chức năng dành cho cán bộ tiếp nhận, xử lý hồ sơ.',
    en: 'This is for officers who receive and process dossiers.',
  },
  opsTokenRequired: {
    code: 'ops.token_required',
    status: 401,
    vi: 'Số liệu vận hành chỉ dành cho hệ thống giám sát (Authorization: Bearer <OPS_TOKEN>).',
    en: 'Operational figures are for the monitoring system only (Authorization: Bearer <OPS_TOKEN>).',
  },
  internalUnauthorized: {
    code: 'internal.unauthorized',
    status: 401,
    vi: 'Thiếu hoặc sai mã truy cập nội bộ.',
    en: 'Missing or wrong internal access token.',
  },
} as const satisfies ErrorCatalogue;
