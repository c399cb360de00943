import { ConflictError, DomainError, ForbiddenError } from '@dvc/contracts';

/** Registration with an email already in use. Neutral wording: it does not describe the account. */
export class EmailTakenConflict extends ConflictError {
  constructor() {
    super(
      'account.email_taken',
      'Không thể đăng ký bằng email này. Nếu đây là email của bạn, hãy đăng nhập hoặc dùng chức năng quên mật khẩu.',
    );
  }
}

export class AccountNotActivatedError extends ForbiddenError {
  constructor() {
    super(
      'account.not_activated',
      'Tài khoản chưa được kích hoạt. Vui lòng mở liên kết kích hoạt trong email.',
    );
  }
}

/** 423 Locked: temporarily after repeated failed logins (with retryAfter), or by an administrator. */
export class AccountLockedError extends DomainError {
  constructor(retryAfterSeconds?: number) {
    super(423, 'account.locked', 'Tài khoản đang bị khoá', {
      detail:
        retryAfterSeconds === undefined
          ? 'Tài khoản đang bị khoá. Vui lòng liên hệ bộ phận hỗ trợ.'
          : 'Tài khoản tạm thời bị khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau hoặc đặt lại mật khẩu.',
      ...(retryAfterSeconds === undefined ? {} : { retryAfter: retryAfterSeconds }),
    });
  }
}
