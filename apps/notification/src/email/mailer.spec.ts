import { isPermanentSmtpError } from './mailer';

/** Errors shaped as nodemailer raises them. */
const smtpError = (code: string, responseCode?: number) =>
  Object.assign(new Error(code), { code, responseCode });

describe('isPermanentSmtpError', () => {
  it.each([
    ['550 unknown mailbox', smtpError('EENVELOPE', 550), true],
    ['554 rejected message', smtpError('EMESSAGE', 554), true],
    ['no valid recipient', smtpError('EENVELOPE'), true],
    ['452 mailbox full for now', smtpError('EENVELOPE', 452), false],
    ['421 service not available', smtpError('EPROTOCOL', 421), false],
    ['connection refused', smtpError('ECONNECTION'), false],
    ['timeout', smtpError('ETIMEDOUT'), false],
    ['anything else', new Error('boom'), false],
  ])('%s → permanent: %s', (_what, err, permanent) => {
    expect(isPermanentSmtpError(err)).toBe(permanent);
  });
});
