import { DomainError, ForbiddenError } from '@dvc/contracts';

export class AccountNotActivatedError extends ForbiddenError {
  constructor() {
    super(
      'account.not_activated',
      'Tài khoản chưa được kích hoạt. Vui lòng mở liên kết kích hoạt trong email.',
    );
  }
}

/** 423 Locked: an administrator locked the account (failed logins never lock it). */
export class AccountLockedError extends DomainError {
  constructor() {
    super(423, 'account.locked', 'Tài khoản đang bị khoá', {
      detail: 'Tài khoản đang bị khoá. Vui lòng liên hệ bộ phận hỗ trợ.',
    });
  }
}
