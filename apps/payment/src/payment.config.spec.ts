import { ConfigError, loadConfig } from '@dvc/config';
import { PaymentConfig } from './payment.config';

const production = {
  NODE_ENV: 'production',
  AMQP_URL: 'amqp://dvc:s3cret-broker@rabbitmq:5672',
  DATABASE_URL: 'postgres://dvc:s3cret-db@postgres:5432/dvc',
  REDIS_URL: 'redis://:s3cret-redis@redis:6379/0',
  VNPAY_TMN_CODE: 'DVCHN001',
  VNPAY_HASH_SECRET: 'a-real-secret-from-the-provider-0123',
  VNPAY_PAY_URL: 'https://pay.vnpay.vn/vpcpay.html',
  VNPAY_API_URL: 'https://merchant.vnpay.vn/merchant_webapi/api/transaction',
  PAYMENT_SIMULATOR: 'false',
  INTERNAL_TOKEN: 'a-real-internal-token-0123456789',
  PUBLIC_URL: 'https://dichvucong.example.vn',
};

describe('PaymentConfig', () => {
  it('derives the IPN address from the public address and returns the browser to the portal result page', () => {
    const config = loadConfig(PaymentConfig, { PUBLIC_URL: 'https://dichvucong.example.vn/' });
    expect(config.ipnUrl).toBe('https://dichvucong.example.vn/api/v1/payments/vnpay/ipn');
    expect(config.returnUrl).toBe('https://dichvucong.example.vn/giao-dich/ket-qua');
    expect(config.PAYMENT_EXPIRY_MINUTES).toBe(90);
    expect(config.PAYMENT_SIMULATOR).toBe(true);
  });

  it('starts in production with real values', () => {
    expect(loadConfig(PaymentConfig, production).PAYMENT_SIMULATOR).toBe(false);
  });

  it.each([
    ['VNPAY_HASH_SECRET', { VNPAY_HASH_SECRET: undefined }],
    ['VNPAY_TMN_CODE', { VNPAY_TMN_CODE: undefined }],
    ['INTERNAL_TOKEN', { INTERNAL_TOKEN: undefined }],
    ['PAYMENT_SIMULATOR', { PAYMENT_SIMULATOR: 'true' }],
  ])('refuses production with the development %s', (name, change) => {
    expect(() => loadConfig(PaymentConfig, { ...production, ...change })).toThrow(
      new RegExp(`${name}`),
    );
  });

  it('needs the provider URLs once the simulator is off', () => {
    expect(() =>
      loadConfig(PaymentConfig, {
        PAYMENT_SIMULATOR: 'false',
        VNPAY_PAY_URL: 'https://pay.example',
      }),
    ).toThrow(ConfigError);
  });
});
