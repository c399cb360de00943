import { IdentityErrors, DomainError } from '@dvc/contracts';

/**
 * The password rule of docs/design.md §9 (NIST 800-63B style): a length floor, no composition
 * rules, and not the email itself. The ceiling is in bytes because that is what argon2
 * hashes: 128 Vietnamese characters with diacritics can be 3× as many bytes.
 */
export const PASSWORD_MIN_CHARS = 8;
export const PASSWORD_MAX_BYTES = 128;

export function assertAcceptablePassword(password: string, email: string): void {
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    throw new DomainError(IdentityErrors.passwordTooLong, {
      params: { maxBytes: PASSWORD_MAX_BYTES },
      errors: [{ field: 'password', message: `Mật khẩu dài tối đa ${PASSWORD_MAX_BYTES} byte` }],
    });
  }
  if ([...password].length < PASSWORD_MIN_CHARS) {
    throw new DomainError(IdentityErrors.passwordTooShort, {
      params: { minChars: PASSWORD_MIN_CHARS },
      errors: [
        { field: 'password', message: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_CHARS} ký tự` },
      ],
    });
  }
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    throw new DomainError(IdentityErrors.passwordEqualsEmail, {
      errors: [{ field: 'password', message: 'Mật khẩu không được trùng với email' }],
    });
  }
}
