import { identityFromClaims } from './vneid-relying-party';

const AN = { sub: 'vneid-001090000001', idNumber: '001090000001', name: 'Nguyễn Văn An' };

describe('identityFromClaims', () => {
  it("takes the address claim's formatted text, on one line", () => {
    const identity = identityFromClaims({
      ...AN,
      address: { formatted: 'Số 12 phố Lý Thường Kiệt,\n phường Cửa Nam,  Hà Nội ' },
    });
    expect(identity.address).toBe('Số 12 phố Lý Thường Kiệt, phường Cửa Nam, Hà Nội');
  });

  it('leaves out an address that is missing, not text, blank or too long, and still signs in', () => {
    for (const address of [
      undefined,
      'Hà Nội',
      { formatted: 42 },
      { formatted: '   ' },
      { formatted: 'x'.repeat(256) },
    ]) {
      const identity = identityFromClaims({ ...AN, address });
      expect(identity).toMatchObject({ subject: AN.sub, fullName: AN.name });
      expect(identity.address).toBeUndefined();
    }
  });
});
