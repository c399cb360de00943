import type { ResetRequestedView } from '@dvc/contracts';

export const RESET_REQUESTED: ResetRequestedView = {
  accepted: true,
  message:
    'Nếu email này thuộc một tài khoản đã kích hoạt, hướng dẫn đặt lại mật khẩu sẽ được gửi tới hộp thư trong ít phút.',
};
