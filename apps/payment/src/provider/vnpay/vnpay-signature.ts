import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The VNPay 2.1.0 signature (docs/domain.md: "params sorted by key, URL-encoded,
 * vnp_SecureHash = HMAC-SHA512(secret, query)"), shared by the merchant side and the
 * simulator so both speak exactly one protocol.
 *
 * The signed string is the `vnp_*` parameters except the hash itself, sorted by key, empty
 * values left out, each `key=value` form-urlencoded (spaces as `+`, as the reference
 * implementations and the `vnpay` npm package do), joined with `&`.
 */
export const SECURE_HASH = 'vnp_SecureHash';
export const SECURE_HASH_TYPE = 'vnp_SecureHashType';

export type VnpParams = Record<string, string>;

export function signedData(params: VnpParams): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    if (!key.startsWith('vnp_') || key === SECURE_HASH || key === SECURE_HASH_TYPE) continue;
    const value = params[key];
    if (value === undefined || value === null || value === '') continue;
    search.append(key, value);
  }
  return search.toString();
}

export function hmacSha512(secret: string, data: string): string {
  return createHmac('sha512', secret).update(Buffer.from(data, 'utf8')).digest('hex');
}

/** The params with their vnp_SecureHash. */
export function sign(params: VnpParams, secret: string): VnpParams {
  return { ...params, [SECURE_HASH]: hmacSha512(secret, signedData(params)) };
}

/** True when vnp_SecureHash is the HMAC of the other params (hex, any case; constant time). */
export function verify(params: VnpParams, secret: string): boolean {
  const given = params[SECURE_HASH];
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const expected = hmacSha512(secret, signedData(params));
  return timingSafeEqual(Buffer.from(given.toLowerCase(), 'hex'), Buffer.from(expected, 'hex'));
}

/** The query string of signed params: sorted, encoded like the signed data, the hash last. */
export function toQueryString(params: VnpParams): string {
  const hash = params[SECURE_HASH];
  const data = signedData(params);
  return hash ? `${data}&${SECURE_HASH}=${encodeURIComponent(hash)}` : data;
}

/**
 * The querydr API signs a `|`-joined list of fields in a fixed order instead (a missing
 * field is an empty string).
 */
export function pipeData(fields: (string | number | null | undefined)[]): string {
  return fields.map((f) => (f === null || f === undefined ? '' : String(f))).join('|');
}

export function verifyPipe(
  fields: (string | number | null | undefined)[],
  hash: unknown,
  secret: string,
): boolean {
  if (typeof hash !== 'string' || !/^[0-9a-fA-F]{128}$/.test(hash)) return false;
  const expected = hmacSha512(secret, pipeData(fields));
  return timingSafeEqual(Buffer.from(hash.toLowerCase(), 'hex'), Buffer.from(expected, 'hex'));
}

/**
 * A raw query string as params. A key given twice is reported, not resolved: which value was
 * signed cannot be known.
 */
export function parseQueryString(raw: string): { params: VnpParams; duplicates: string[] } {
  const params: VnpParams = {};
  const duplicates = new Set<string>();
  for (const [key, value] of new URLSearchParams(raw.startsWith('?') ? raw.slice(1) : raw)) {
    if (Object.prototype.hasOwnProperty.call(params, key)) duplicates.add(key);
    else params[key] = value;
  }
  return { params, duplicates: [...duplicates] };
}
