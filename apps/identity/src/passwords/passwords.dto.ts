import type { ResetRequestedView } from '@dvc/contracts';

export const RESET_REQUESTED: ResetRequestedView = {
  accepted: true,
  message:
    'Nếu email này đã đăng ký tài khoản, hướng dẫn đặt mật khẩu sẽ được gửi tới hộp thư trong ít phút.',
};
