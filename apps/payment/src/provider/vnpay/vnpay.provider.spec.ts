import { loadConfig } from '@dvc/config';
import { PaymentConfig } from '../../payment.config';
import { ProviderEndpoints } from '../provider-endpoints';
import { queryOutcome, paymentOutcome } from './vnpay-codes';
import { VnpayProvider, amountFromVnp } from './vnpay.provider';
import { parseQueryString, sign, toQueryString, verify } from './vnpay-signature';

const config = loadConfig(PaymentConfig, {
  NODE_ENV: 'test',
  HTTP_HOST: '0.0.0.0',
  PUBLIC_URL: 'https://dichvucong.example.vn/',
});
const endpoints = new ProviderEndpoints(config);
endpoints.bindOwnAddress({ address: '0.0.0.0', family: 'IPv4', port: 43006 });
const provider = new VnpayProvider(config, endpoints);

/** An IPN as the provider sends it, signed with the merchant's secret. */
function callback(
  overrides: Record<string, string> = {},
  secret = config.VNPAY_HASH_SECRET,
): string {
  return toQueryString(
    sign(
      {
        vnp_Amount: '13500000',
        vnp_BankCode: 'NCB',
        vnp_BankTranNo: 'VNP14000001',
        vnp_CardType: 'ATM',
        vnp_OrderInfo: 'Thanh toan le phi ho so 000.00.01.H26-261126-0007',
        vnp_PayDate: '20261126143512',
        vnp_ResponseCode: '00',
        vnp_TmnCode: config.VNPAY_TMN_CODE,
        vnp_TransactionNo: '14000001',
        vnp_TransactionStatus: '00',
        vnp_TxnRef: 'DVC261126ABCDEFGHJK',
        ...overrides,
      },
      secret,
    ),
  );
}

describe('VnpayProvider', () => {
  it('builds a signed 2.1.0 checkout URL on the simulator of this app by default', () => {
    const url = new URL(
      provider.checkoutUrl({
        txnRef: 'DVC261126ABCDEFGHJK',
        amount: 135_000,
        orderInfo: 'Thanh toan le phi ho so 000.00.01.H26-261126-0007',
        bankCode: 'VNPAYQR',
        ipAddr: '203.0.113.9',
        createdAt: new Date('2026-11-26T07:30:00Z'),
        expiresAt: new Date('2026-11-26T09:00:00Z'),
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('http://localhost:43006/simulator/vpcpay.html');
    const { params } = parseQueryString(url.search);
    expect(params).toMatchObject({
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: 'DVCDEV01',
      vnp_Amount: '13500000',
      vnp_CurrCode: 'VND',
      vnp_TxnRef: 'DVC261126ABCDEFGHJK',
      vnp_OrderType: 'other',
      vnp_Locale: 'vn',
      vnp_ReturnUrl: 'https://dichvucong.example.vn/giao-dich/ket-qua',
      vnp_IpAddr: '203.0.113.9',
      vnp_CreateDate: '20261126143000',
      vnp_ExpireDate: '20261126160000',
      vnp_BankCode: 'VNPAYQR',
    });
    expect(verify(params, config.VNPAY_HASH_SECRET)).toBe(true);
    // Sorted as signed, the hash last.
    const keys = [...new URLSearchParams(url.search).keys()];
    expect(keys.at(-1)).toBe('vnp_SecureHash');
    expect(keys.slice(0, -1)).toEqual([...keys.slice(0, -1)].sort());
  });

  it('reads a genuine callback: amount in đồng, pay date, outcome', () => {
    const read = provider.readCallback(callback());
    expect(read.signature).toBe('valid');
    expect(read.problems).toEqual([]);
    expect(read.result).toEqual({
      tmnCode: 'DVCDEV01',
      txnRef: 'DVC261126ABCDEFGHJK',
      amount: 135_000,
      responseCode: '00',
      transactionStatus: '00',
      transactionNo: '14000001',
      bankCode: 'NCB',
      payDate: new Date('2026-11-26T07:35:12Z'),
      outcome: 'success',
    });
    expect(
      provider.readCallback(callback({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }))
        .result?.outcome,
    ).toBe('cancelled');
  });

  it('tells a missing signature from a forged one, and lists what is missing', () => {
    expect(provider.readCallback('vnp_TxnRef=X&vnp_Amount=100').signature).toBe('missing');
    expect(provider.readCallback('').signature).toBe('missing');
    const forged = callback({}, 'a-secret-that-is-not-ours');
    expect(provider.readCallback(forged)).toMatchObject({ signature: 'invalid', result: null });
    const tampered = callback().replace('vnp_Amount=13500000', 'vnp_Amount=100');
    expect(provider.readCallback(tampered).signature).toBe('invalid');
    const incomplete = provider.readCallback(callback({ vnp_TxnRef: '', vnp_PayDate: '2026' }));
    expect(incomplete.signature).toBe('valid');
    expect(incomplete.result).toBeNull();
    expect(incomplete.problems).toEqual(
      expect.arrayContaining(['vnp_TxnRef', 'vnp_PayDate (not yyyyMMddHHmmss)']),
    );
    const otherMerchant = provider.readCallback(callback({ vnp_TmnCode: 'OTHER001' }));
    expect(otherMerchant.problems).toContain('vnp_TmnCode (another merchant)');
    const fractional = provider.readCallback(callback({ vnp_Amount: '13500050' }));
    expect(fractional.problems).toContain('vnp_Amount (not whole đồng)');
  });

  it('treats a repeated key as an invalid signature', () => {
    const read = provider.readCallback(`${callback()}&vnp_Amount=100`);
    expect(read.signature).toBe('invalid');
    expect(read.problems).toContain('vnp_Amount (repeated)');
  });
});

describe('provider codes', () => {
  it.each([
    ['00', '00', 'success'],
    ['24', '02', 'cancelled'],
    ['51', '02', 'failed'],
    ['00', '01', 'failed'],
    ['07', '00', 'failed'],
  ])('payment %s/%s → %s', (response, status, outcome) => {
    expect(paymentOutcome(response, status)).toBe(outcome);
  });

  it.each([
    ['00', '00', 'success'],
    ['00', '01', 'pending'],
    ['00', '02', 'failed'],
    ['00', '07', 'disputed'],
    ['00', '42', 'unknown'],
    ['91', '', 'not_found'],
    ['97', '', 'unknown'],
  ])('querydr %s/%s → %s', (response, status, outcome) => {
    expect(queryOutcome(response, status)).toBe(outcome);
  });

  it('reads vnp_Amount as whole đồng only', () => {
    expect(amountFromVnp('13500000')).toBe(135_000);
    expect(amountFromVnp('13500050')).toBeNull();
    expect(amountFromVnp('-100')).toBeNull();
    expect(amountFromVnp('1e5')).toBeNull();
    expect(amountFromVnp(undefined)).toBeNull();
  });
});
