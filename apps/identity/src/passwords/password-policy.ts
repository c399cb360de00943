import { BadRequestError, UnprocessableError } from '@dvc/contracts';

/**
 * The password rule of DESIGN.md §9 (NIST 800-63B style): a length floor, no composition
 * rules, and not the email itself. The ceiling is in bytes because that is what argon2
 * hashes: 128 Vietnamese characters with diacritics can be 3× as many bytes.
 */
export const PASSWORD_MIN_CHARS = 8;
export const PASSWORD_MAX_BYTES = 128;

export function assertAcceptablePassword(password: string, email: string): void {
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    throw new BadRequestError(
      'password.too_long',
      `Mật khẩu dài tối đa ${PASSWORD_MAX_BYTES} byte.`,
      [{ field: 'password', message: `Mật khẩu dài tối đa ${PASSWORD_MAX_BYTES} byte` }],
    );
  }
  if ([...password].length < PASSWORD_MIN_CHARS) {
    throw new BadRequestError(
      'password.too_short',
      `Mật khẩu phải có ít nhất ${PASSWORD_MIN_CHARS} ký tự.`,
      [{ field: 'password', message: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_CHARS} ký tự` }],
    );
  }
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    throw new UnprocessableError('password.equals_email', 'Mật khẩu không được trùng với email.', [
      { field: 'password', message: 'Mật khẩu không được trùng với email' },
    ]);
  }
}
