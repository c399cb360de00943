import { VNPay } from 'vnpay';
import { parseQueryString, sign, toQueryString, verify } from './vnpay-signature';

/**
 * Cross-check of our signing against `vnpay`, an independent implementation of the same
 * merchant protocol (docs/domain.md: "a good cross-check for our signing and verification").
 */
describe('VNPay signing agrees with the vnpay npm package', () => {
  const secret = 'DEVSECRETDEVSECRETDEVSECRET';
  const vnpay = new VNPay({
    tmnCode: 'DVCDEV01',
    secureSecret: secret,
    vnpayHost: 'http://127.0.0.1:3006',
    testMode: true,
  });

  it('verifies a payment URL the package signed (Vietnamese text, spaces, URLs)', () => {
    const url = vnpay.buildPaymentUrl({
      vnp_Amount: 135000,
      vnp_IpAddr: '127.0.0.1',
      vnp_TxnRef: 'DVC-2611-0001',
      vnp_OrderInfo: 'Thanh toan le phi ho so 000.00.01.H26-261126-0001',
      vnp_OrderType: 'other' as never,
      vnp_ReturnUrl: 'http://localhost:3000/api/v1/payments/vnpay/return?x=1&y=2',
    });
    const { params, duplicates } = parseQueryString(new URL(url).search.slice(1));
    expect(duplicates).toEqual([]);
    expect(verify(params, secret)).toBe(true);
    expect(verify({ ...params, vnp_Amount: '100' }, secret)).toBe(false);
  });

  it('produces IPN parameters the package accepts as genuine', () => {
    const ipn = sign(
      {
        vnp_Amount: '13500000',
        vnp_BankCode: 'NCB',
        vnp_OrderInfo: 'Thanh toan le phi ho so 000.00.01.H26-261126-0001',
        vnp_PayDate: '20261126101500',
        vnp_ResponseCode: '00',
        vnp_TmnCode: 'DVCDEV01',
        vnp_TransactionNo: '14500001',
        vnp_TransactionStatus: '00',
        vnp_TxnRef: 'DVC-2611-0001',
      },
      secret,
    );
    const query = Object.fromEntries(new URLSearchParams(toQueryString(ipn)));
    const verdict = vnpay.verifyIpnCall(query as never);
    expect(verdict.isVerified).toBe(true);
    expect(verdict.isSuccess).toBe(true);
    const forged = vnpay.verifyIpnCall({ ...query, vnp_Amount: '100' } as never);
    expect(forged.isVerified).toBe(false);
  });
});
