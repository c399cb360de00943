import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: the code is also read off paper and typed. 31 symbols, 12 of them: 59 bits. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

const VERIFICATION_CODE = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

export const isVerificationCode = (code: string): boolean => VERIFICATION_CODE.test(code);

/** Mã xác thực: printed under the QR code, the last part of `<PUBLIC_URL>/xac-thuc/<code>`. */
export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The code a document carries in its signature (the verification URL), if any. */
export function verificationCodeIn(pdf: Buffer): string | null {
  const match = /\/xac-thuc\/([A-Z0-9]{12})\b/.exec(pdf.toString('latin1'));
  return match ? match[1] : null;
}
