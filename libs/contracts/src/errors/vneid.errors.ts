import type { ErrorCatalogue } from './error-entry';

/** Đăng nhập bằng VNeID (OpenID Connect) and the link between an account and VNeID. */
export const VneidErrors = {
  returnToInvalid: {
    code: 'auth.return_to_invalid',
    status: 400,
    vi: 'Địa chỉ quay lại phải là một trang của Cổng dịch vụ công.',
    en: 'The return address must be a page of the portal.',
  },
  stateInvalid: {
    code: 'auth.oidc_state_invalid',
    status: 400,
    vi: 'Phiên đăng nhập VNeID không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại từ đầu.',
    en: 'The VNeID login is not valid or has expired. Please start the login again.',
  },
  loginFailed: {
    code: 'auth.oidc_failed',
    status: 401,
    vi: 'Đăng nhập VNeID không thành công. Vui lòng thử lại.',
    en: 'The VNeID login did not succeed. Please try again.',
  },
  issuerUnavailable: {
    code: 'auth.oidc_unavailable',
    status: 503,
    vi: 'Không kết nối được với VNeID. Vui lòng thử lại sau ít phút.',
    en: 'VNeID cannot be reached. Please try again in a few minutes.',
  },
  codeInvalid: {
    code: 'auth.oidc_code_invalid',
    status: 400,
    vi: 'Mã đăng nhập VNeID không hợp lệ, đã dùng hoặc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'The VNeID login code is not valid, was used or has expired. Please log in again.',
  },
  alreadyLinked: {
    code: 'vneid.already_linked',
    status: 409,
    vi: 'Tài khoản này hoặc tài khoản VNeID này đã được liên kết trước đó.',
    en: 'This account or this VNeID identity is already linked.',
  },
  linkNotAllowed: {
    code: 'vneid.link_not_allowed',
    status: 409,
    vi: 'Chỉ tài khoản đã kích hoạt mới liên kết được với VNeID.',
    en: 'Only an activated account can be linked to VNeID.',
  },
  idNumberVerified: {
    code: 'vneid.id_number_verified',
    status: 409,
    vi: 'Số định danh đã được xác thực qua VNeID và không thể sửa.',
    en: 'The ID number was verified through VNeID and cannot be changed.',
  },
  noPassword: {
    code: 'account.no_password',
    status: 409,
    vi: 'Tài khoản này đăng nhập bằng VNeID và không có mật khẩu.',
    en: 'This account signs in with VNeID and has no password.',
  },
} as const satisfies ErrorCatalogue;
