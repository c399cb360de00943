/** The answer to a password change or reset. */
export interface PasswordChangedView {
  changed: true;
}

/**
 * The one answer to "forgot password", whatever the email: whether an account exists is
 * never told (the gateway answers 202).
 */
export interface ResetRequestedView {
  accepted: true;
  message: string;
}

export const RESET_REQUESTED: ResetRequestedView = {
  accepted: true,
  message:
    'Nếu email này thuộc một tài khoản đã kích hoạt, hướng dẫn đặt lại mật khẩu sẽ được gửi tới hộp thư trong ít phút.',
};
