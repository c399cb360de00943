import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '@dvc/config';
import { IdentityConfig } from './identity.config';

describe('IdentityConfig', () => {
  const production = {
    NODE_ENV: 'production',
    AMQP_URL: 'amqp://dvc:s3cret@mq:5672',
    DATABASE_URL: 'postgres://dvc_identity:s3cret-db@postgres:5432/dvc',
    REDIS_URL: 'redis://:s3cret-redis@redis:6379/0',
    JWT_SECRET: 'a-production-secret-0123456789abcdef',
  };

  it('refuses to start in production with the development key of email tokens, and names it', () => {
    expect(() => loadConfig(IdentityConfig, production)).toThrow(/EMAIL_TOKEN_PUBLIC_KEY/);
    const EMAIL_TOKEN_PUBLIC_KEY = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'der' },
    }).publicKey.toString('base64');
    expect(loadConfig(IdentityConfig, { ...production, EMAIL_TOKEN_PUBLIC_KEY }).isProduction).toBe(
      true,
    );
  });

  it('gives sessions an absolute lifetime of 30 days by default', () => {
    expect(loadConfig(IdentityConfig, {}).SESSION_MAX_AGE_DAYS).toBe(30);
  });
});
