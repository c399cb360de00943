import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '@dvc/config';
import { NotificationConfig } from './notification.config';

/** The operator's own key for email tokens, as production requires. */
const EMAIL_TOKEN_PRIVATE_KEY = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  publicKeyEncoding: { type: 'spki', format: 'der' },
}).privateKey.toString('base64');

/** A production environment with real infrastructure credentials and mail relay. */
const productionInfra = {
  NODE_ENV: 'production',
  AMQP_URL: 'amqp://dvc:s3cret@mq:5672',
  DATABASE_URL: 'postgres://notification:s3cret-db@postgres:5432/dvc',
  REDIS_URL: 'redis://:s3cret-redis@redis:6379/0',
  SMTP_HOST: 'smtp.example.vn',
  EMAIL_TOKEN_PRIVATE_KEY,
};

describe('NotificationConfig', () => {
  it('has the development defaults of docs/design.md §8', () => {
    const config = loadConfig(NotificationConfig, {});
    expect(config).toMatchObject({
      HTTP_PORT: 3003,
      DB_SCHEMA: 'notification',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: 1025,
      SMTP_SECURE: false,
      MAIL_FROM: '"Cổng Dịch vụ công" <no-reply@dvc.local>',
      EMAIL_MAX_ATTEMPTS: 5,
      EMAIL_BACKOFF_MS: 2000,
      CONTACT_CACHE_SECONDS: 60,
      SMS_DRIVER: 'log',
      SMS_SENDER: 'DVC',
    });
  });

  it('needs the provider address for the HTTP SMS driver, and its token in production', () => {
    expect(() => loadConfig(NotificationConfig, { SMS_DRIVER: 'http' })).toThrow(/SMS_HTTP_URL/);
    expect(() => loadConfig(NotificationConfig, { SMS_DRIVER: 'sms-gun' })).toThrow(/SMS_DRIVER/);
    const http = { SMS_DRIVER: 'http', SMS_HTTP_URL: 'https://sms.example.vn/api/send' };
    expect(loadConfig(NotificationConfig, http).SMS_HTTP_URL).toBe(http.SMS_HTTP_URL);
    const production = { ...productionInfra, ...http };
    expect(() => loadConfig(NotificationConfig, production)).toThrow(/SMS_HTTP_TOKEN/);
    expect(
      loadConfig(NotificationConfig, { ...production, SMS_HTTP_TOKEN: 't0k3n' }).SMS_DRIVER,
    ).toBe('http');
  });

  it('converts numbers from the environment', () => {
    const config = loadConfig(NotificationConfig, {
      HTTP_PORT: '0',
      SMTP_PORT: '2525',
      EMAIL_MAX_ATTEMPTS: '3',
    });
    expect(config).toMatchObject({ HTTP_PORT: 0, SMTP_PORT: 2525, EMAIL_MAX_ATTEMPTS: 3 });
  });

  it.each([
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', true],
  ])('reads SMTP_SECURE=%s as %s', (value, expected) => {
    expect(loadConfig(NotificationConfig, { SMTP_SECURE: value }).SMTP_SECURE).toBe(expected);
  });

  it('refuses to start in production with an SMTP user but no password', () => {
    const production = { ...productionInfra, SMTP_USER: 'dvc' };
    expect(() => loadConfig(NotificationConfig, production)).toThrow(/SMTP_PASS/);
    expect(loadConfig(NotificationConfig, { ...production, SMTP_PASS: 'x' }).SMTP_USER).toBe('dvc');
  });

  it('refuses to start in production with the development key of email tokens, and names it', () => {
    const production = { ...productionInfra, EMAIL_TOKEN_PRIVATE_KEY: undefined };
    expect(() => loadConfig(NotificationConfig, production)).toThrow(/EMAIL_TOKEN_PRIVATE_KEY/);
    expect(
      loadConfig(NotificationConfig, { ...production, EMAIL_TOKEN_PRIVATE_KEY }).isProduction,
    ).toBe(true);
  });
});
