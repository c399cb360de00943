import { DomainError, IdentityErrors } from '@dvc/contracts';

export class AccountNotActivatedError extends DomainError {
  constructor() {
    super(IdentityErrors.notActivated);
  }
}

/** 423 Locked: an administrator locked the account (failed logins never lock it). */
export class AccountLockedError extends DomainError {
  constructor() {
    super(IdentityErrors.locked);
  }
}
