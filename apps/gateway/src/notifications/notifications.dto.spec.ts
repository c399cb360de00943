import { accessTokenExpiry, readerLocale } from './notifications.dto';

const token = (claims: object) =>
  `Bearer e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;

describe('readerLocale', () => {
  it.each([
    [undefined, undefined, 'vi'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'EN', 'en'],
    [undefined, 'vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    [undefined, 'fr-FR', 'vi'],
    ['vi', 'en-GB', 'vi'],
    ['en', undefined, 'en'],
  ] as const)('asked %s, Accept-Language %s → %s', (asked, header, locale) => {
    expect(readerLocale(asked, header)).toBe(locale);
  });
});

describe('accessTokenExpiry', () => {
  it("reads the token's exp, in milliseconds", () => {
    expect(accessTokenExpiry(token({ sub: 'x', exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
  });

  it.each([
    ['no header', undefined],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['no exp', token({ sub: 'x' })],
    ['a payload that is not JSON', 'Bearer e30.bm90IGpzb24.sig'],
  ])('is null with %s', (_what, header) => {
    expect(accessTokenExpiry(header)).toBeNull();
  });
});
