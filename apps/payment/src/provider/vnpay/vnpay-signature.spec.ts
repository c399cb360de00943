import { formatVnpDate, parseVnpDate } from './vnpay-dates';
import {
  hmacSha512,
  parseQueryString,
  pipeData,
  sign,
  signedData,
  toQueryString,
  verify,
  verifyPipe,
} from './vnpay-signature';

const SECRET = 'dev-only-vnpay-hash-secret-change-me';

/**
 * Vectors computed by hand from the documented algorithm (sorted keys, form-urlencoded
 * values with spaces as `+`, HMAC-SHA512 hex), the HMACs with
 * `printf '%s' "$data" | openssl dgst -sha512 -hmac "$secret"`.
 */
const CHECKOUT = {
  vnp_Version: '2.1.0',
  vnp_Command: 'pay',
  vnp_TmnCode: 'DVCDEV01',
  vnp_Amount: '13500000',
  vnp_CurrCode: 'VND',
  vnp_TxnRef: 'DVC261126ABCDEFGHJK',
  vnp_OrderInfo: 'Thanh toan le phi ho so 000.00.01.H26-261126-0007',
  vnp_OrderType: 'other',
  vnp_Locale: 'vn',
  vnp_ReturnUrl: 'http://localhost:3000/api/v1/payments/vnpay/return',
  vnp_IpAddr: '127.0.0.1',
  vnp_CreateDate: '20261126143000',
  vnp_ExpireDate: '20261126160000',
};
const CHECKOUT_DATA =
  'vnp_Amount=13500000&vnp_Command=pay&vnp_CreateDate=20261126143000&vnp_CurrCode=VND' +
  '&vnp_ExpireDate=20261126160000&vnp_IpAddr=127.0.0.1&vnp_Locale=vn' +
  '&vnp_OrderInfo=Thanh+toan+le+phi+ho+so+000.00.01.H26-261126-0007&vnp_OrderType=other' +
  '&vnp_ReturnUrl=http%3A%2F%2Flocalhost%3A3000%2Fapi%2Fv1%2Fpayments%2Fvnpay%2Freturn' +
  '&vnp_TmnCode=DVCDEV01&vnp_TxnRef=DVC261126ABCDEFGHJK&vnp_Version=2.1.0';
const CHECKOUT_HASH =
  'e2c51d0cd15e98bdd4d54a6ccb28b22b341912c5210ee16a4179bc20ca49b0b993d35373ed5182d24f7412a29fde855143a276598055e15fa4765feab980ccab';

describe('VNPay signature', () => {
  it('signs the sorted, form-urlencoded params (spaces as +) with HMAC-SHA512', () => {
    expect(signedData(CHECKOUT)).toBe(CHECKOUT_DATA);
    expect(sign(CHECKOUT, SECRET).vnp_SecureHash).toBe(CHECKOUT_HASH);
  });

  it('percent-encodes UTF-8 and leaves out empty values, the hash and its type', () => {
    const params = {
      vnp_TxnRef: 'T1',
      vnp_OrderInfo: 'Lệ phí hồ sơ',
      vnp_Amount: '5000000',
      vnp_TmnCode: 'DVCDEV01',
      vnp_ResponseCode: '00',
      vnp_BankCode: 'NCB',
      vnp_CardType: '',
      vnp_SecureHashType: 'HmacSHA512',
      vnp_SecureHash: 'ignored',
      other: 'not signed',
    };
    expect(signedData(params)).toBe(
      'vnp_Amount=5000000&vnp_BankCode=NCB&vnp_OrderInfo=L%E1%BB%87+ph%C3%AD+h%E1%BB%93+s%C6%A1' +
        '&vnp_ResponseCode=00&vnp_TmnCode=DVCDEV01&vnp_TxnRef=T1',
    );
    expect(sign(params, SECRET).vnp_SecureHash).toBe(
      '07f05a69d8154cc78205ea90fe4de0b8905233a0c787c503fcd8d2db4cf629deb4105c04cff227dbaef7f25e87415cd1af9e36ae70d20854e09c396619e2868c',
    );
  });

  it('verifies what it signed after a trip through a query string, in any hex case', () => {
    const query = toQueryString(sign(CHECKOUT, SECRET));
    expect(query).toBe(`${CHECKOUT_DATA}&vnp_SecureHash=${CHECKOUT_HASH}`);
    const { params, duplicates } = parseQueryString(query);
    expect(duplicates).toEqual([]);
    expect(params.vnp_OrderInfo).toBe(CHECKOUT.vnp_OrderInfo);
    expect(verify(params, SECRET)).toBe(true);
    expect(verify({ ...params, vnp_SecureHash: CHECKOUT_HASH.toUpperCase() }, SECRET)).toBe(true);
  });

  it('refuses a changed value, another secret, a missing or malformed hash', () => {
    const signed = sign(CHECKOUT, SECRET);
    expect(verify({ ...signed, vnp_Amount: '13500100' }, SECRET)).toBe(false);
    expect(verify(signed, 'another-secret-of-the-merchant')).toBe(false);
    const { vnp_SecureHash: _hash, ...unsigned } = signed;
    expect(verify(unsigned, SECRET)).toBe(false);
    expect(verify({ ...signed, vnp_SecureHash: 'zz' }, SECRET)).toBe(false);
  });

  it('reports a key given twice instead of picking one', () => {
    const { params, duplicates } = parseQueryString(
      '?vnp_Amount=100&vnp_Amount=200&vnp_TxnRef=a+b',
    );
    expect(params).toEqual({ vnp_Amount: '100', vnp_TxnRef: 'a b' });
    expect(duplicates).toEqual(['vnp_Amount']);
  });

  it('signs querydr fields joined with | in their fixed order', () => {
    const fields = [
      'req1',
      '2.1.0',
      'querydr',
      'DVCDEV01',
      'DVC261126ABCDEFGHJK',
      '20261126143000',
      '20261126150000',
      '127.0.0.1',
      'Thanh toan le phi ho so 000.00.01.H26-261126-0007',
    ];
    const hash =
      '5dff493257ddb06b435046b2a6e3d85ad2c3d3d0394ecf79f2245d279c481378e4ed2e61c28b345c0bd0c2cc6818c89d071a6f808d1167482fbc46e3be95e38f';
    expect(hmacSha512(SECRET, pipeData(fields))).toBe(hash);
    expect(verifyPipe(fields, hash, SECRET)).toBe(true);
    expect(verifyPipe([...fields.slice(0, 8), 'other'], hash, SECRET)).toBe(false);
    expect(pipeData(['a', null, undefined, 5])).toBe('a|||5');
  });
});

describe('VNPay dates (yyyyMMddHHmmss, GMT+7)', () => {
  it('writes and reads Vietnam time', () => {
    const at = new Date('2026-11-26T07:30:00Z');
    expect(formatVnpDate(at)).toBe('20261126143000');
    expect(parseVnpDate('20261126143000')).toEqual(at);
    expect(formatVnpDate(new Date('2026-12-31T18:00:00Z'))).toBe('20270101010000');
  });

  it('refuses what is not a real date', () => {
    for (const text of ['20260231120000', '2026112614300', '2026-11-26', '', undefined]) {
      expect(parseVnpDate(text)).toBeNull();
    }
  });
});
