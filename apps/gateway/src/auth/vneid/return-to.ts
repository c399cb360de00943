import { DomainError, VneidErrors } from '@dvc/contracts';

const MAX_LENGTH = 500;

/**
 * Where the portal goes after a VNeID login: one of its own paths only (`/ho-so/…`), never
 * another site (`https://…`, `//evil.example`, `/\evil.example`), so the login cannot be used
 * as an open redirect. Absent: the home page.
 */
export function portalReturnPath(returnTo: unknown): string {
  if (returnTo === undefined || returnTo === '') return '/';
  const ownPath =
    typeof returnTo === 'string' &&
    returnTo.length <= MAX_LENGTH &&
    returnTo.startsWith('/') &&
    !returnTo.startsWith('//') &&
    ![...returnTo].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || /\s/.test(c)) &&
    new URL(returnTo, 'http://portal.invalid').origin === 'http://portal.invalid';
  if (!ownPath) {
    throw new DomainError(VneidErrors.returnToInvalid, {
      errors: [
        { field: 'returnTo', message: 'returnTo must be a path of the portal, e.g. /tai-khoan' },
      ],
    });
  }
  return returnTo as string;
}
