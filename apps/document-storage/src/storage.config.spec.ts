import { ConfigError, loadConfig } from '@dvc/config';
import { StorageConfig } from './storage.config';

const production = {
  NODE_ENV: 'production',
  AMQP_URL: 'amqp://dvc:s3cret-amqp@rabbitmq:5672',
  DATABASE_URL: 'postgres://dvc:s3cret-db@postgres:5432/dvc',
  REDIS_URL: 'redis://:s3cret-redis@redis:6379/0',
  MINIO_ENDPOINT: 'minio',
  MINIO_ACCESS_KEY: 'dvc-storage',
  MINIO_SECRET_KEY: 'a-long-minio-secret',
  INTERNAL_TOKEN: 'a-long-internal-token-from-a-secret',
  SCANNER: 'clamd',
  SIGNER: 'pkcs12',
  SIGNING_P12_DIRECTORY: '/var/run/dvc-signing',
  SIGNING_TRUST_ROOTS: '/var/run/dvc-signing/roots.pem',
  SIGNING_P12_PASSPHRASE: 'a-long-p12-passphrase',
};

describe('StorageConfig', () => {
  it('has development defaults: embedded s3rver, signature scanner, 10 MiB / 50 MiB caps', () => {
    const config = loadConfig(StorageConfig, {});
    expect(config).toMatchObject({
      HTTP_PORT: 3005,
      DB_SCHEMA: 'storage',
      MINIO_ENDPOINT: undefined,
      MINIO_BUCKET: 'dvc-files',
      S3RVER_PORT: 9000,
      SCANNER: 'signature',
      MAX_FILE_BYTES: 10 * 1024 * 1024,
      MAX_DOSSIER_BYTES: 50 * 1024 * 1024,
      MINIO_USE_SSL: false,
    });
  });

  it('reads MINIO_USE_SSL=false as false', () => {
    expect(loadConfig(StorageConfig, { MINIO_USE_SSL: 'false' }).MINIO_USE_SSL).toBe(false);
    expect(loadConfig(StorageConfig, { MINIO_USE_SSL: 'true' }).MINIO_USE_SSL).toBe(true);
  });

  it('starts in production with real settings', () => {
    expect(() => loadConfig(StorageConfig, production)).not.toThrow();
  });

  it.each([
    ['MINIO_ENDPOINT', { MINIO_ENDPOINT: undefined }],
    ['MINIO_ACCESS_KEY', { MINIO_ACCESS_KEY: 'S3RVER' }],
    ['MINIO_SECRET_KEY', { MINIO_SECRET_KEY: 'S3RVER' }],
    ['INTERNAL_TOKEN', { INTERNAL_TOKEN: undefined }],
    ['SCANNER', { SCANNER: 'signature' }],
    ['SIGNER', { SIGNER: 'development' }],
    ['SIGNING_P12_DIRECTORY', { SIGNING_P12_DIRECTORY: undefined }],
    ['SIGNING_TRUST_ROOTS', { SIGNING_TRUST_ROOTS: undefined }],
    ['SIGNING_P12_PASSPHRASE', { SIGNING_P12_PASSPHRASE: undefined }],
  ])('refuses production without %s', (name, change) => {
    const env = { ...production, ...change };
    expect(() => loadConfig(StorageConfig, env)).toThrow(ConfigError);
    expect(() => loadConfig(StorageConfig, env)).toThrow(name);
  });
});
