import { AppName, configProblem, deployedApps } from './ops-support';

/**
 * Each app, started with NODE_ENV=production and nothing else, refuses and names every
 * development value it would otherwise run with (secrets, credentials in URLs, localhost
 * origins, development stand-ins).
 */
const EXPECTED: Record<AppName, string[]> = {
  gateway: [
    'AMQP_URL',
    'REDIS_URL',
    'JWT_SECRET',
    'INTERNAL_TOKEN',
    'CORS_ORIGINS',
    'OIDC_CLIENT_SECRET',
  ],
  identity: ['DATABASE_URL', 'AMQP_URL', 'REDIS_URL', 'JWT_SECRET', 'EMAIL_TOKEN_PUBLIC_KEY'],
  catalogue: ['DATABASE_URL', 'AMQP_URL', 'REDIS_URL'],
  notification: ['DATABASE_URL', 'AMQP_URL', 'REDIS_URL', 'SMTP_HOST', 'EMAIL_TOKEN_PRIVATE_KEY'],
  dossier: ['DATABASE_URL', 'AMQP_URL', 'REDIS_URL', 'IDEMPOTENCY_SECRET'],
  'national-sync': [
    'DATABASE_URL',
    'AMQP_URL',
    'REDIS_URL',
    'NATIONAL_HUB_URL',
    'NATIONAL_HUB_UNIT_CODE',
    'NATIONAL_HUB_TOKEN',
  ],
  'document-storage': [
    'DATABASE_URL',
    'AMQP_URL',
    'REDIS_URL',
    'MINIO_ENDPOINT',
    'MINIO_ACCESS_KEY',
    'MINIO_SECRET_KEY',
    'INTERNAL_TOKEN',
    'SCANNER',
    'SIGNER',
    'SIGNING_P12_DIRECTORY',
    'SIGNING_P12_PASSPHRASE',
    'SIGNING_TRUST_ROOTS',
  ],
  payment: [
    'DATABASE_URL',
    'AMQP_URL',
    'REDIS_URL',
    'VNPAY_TMN_CODE',
    'VNPAY_HASH_SECRET',
    'PAYMENT_SIMULATOR',
    'INTERNAL_TOKEN',
  ],
};

describe('production refuses development values', () => {
  it.each(deployedApps().map((app) => [app.name, app] as const))(
    '%s names each of its development settings',
    (name, app) => {
      const problem = configProblem(app.config, { NODE_ENV: 'production' });
      expect(problem).toMatch(/^Refusing to start in production with development defaults: /);
      const named = [...problem!.matchAll(/\b([A-Z][A-Z0-9_]+) \(/g)].map((m) => m[1]);
      expect(named.sort()).toEqual([...EXPECTED[name]].sort());
    },
  );
});
