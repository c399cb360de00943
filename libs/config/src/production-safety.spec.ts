import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { Transform } from 'class-transformer';
import { BaseConfig } from './base.config';
import { ConfigError, loadConfig } from './load-config';
import {
  ProductionValue,
  PublicOrigins,
  RequiredInProduction,
  Secret,
  secretSettings,
} from './production-safety';

class SampleConfig extends BaseConfig {
  override DB_SCHEMA = 'sample';

  @Secret()
  @IsString()
  API_KEY = 'dev-only-api-key';

  @Secret<SampleConfig>({ when: (c) => Boolean(c.RELAY_USER) })
  @IsOptional()
  @IsString()
  RELAY_PASS?: string;

  @IsOptional()
  @IsString()
  RELAY_USER?: string;

  @PublicOrigins()
  @IsString()
  ORIGINS = 'http://localhost:5173';

  @RequiredInProduction('the development stand-in')
  @IsString()
  MAIL_HOST = '127.0.0.1';

  @ProductionValue(false)
  @Transform(({ obj, key }) => obj[key] === true || obj[key] === 'true')
  @IsBoolean()
  SIMULATOR = true;
}

const safe = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://sample:9f2c1d7e@db:5432/dvc',
  AMQP_URL: 'amqp://sample:4b8e0a61@mq:5672/dvc',
  REDIS_URL: 'redis://:c0ffee99aa@redis:6379/0',
  API_KEY: 'k-3f9a8b7c6d5e4f3a2b1c',
  ORIGINS: 'https://dichvucong.example.vn',
  MAIL_HOST: 'smtp.example.vn',
  SIMULATOR: 'false',
};

function refusal(env: Record<string, string | undefined>): string {
  try {
    loadConfig(SampleConfig, env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  return 'started';
}

describe('production safety', () => {
  it('starts in production when every setting is the operator’s own', () => {
    expect(refusal(safe)).toBe('started');
  });

  it('never checks outside production: development runs on its defaults', () => {
    expect(refusal({})).toBe('started');
  });

  it('names every offending setting at once, with the reason', () => {
    expect(refusal({ NODE_ENV: 'production' })).toBe(
      'Refusing to start in production with development defaults: ' +
        'DATABASE_URL (no password), AMQP_URL (development password), REDIS_URL (no password), ' +
        'API_KEY (development value), ORIGINS (points at localhost), ' +
        'MAIL_HOST (the development stand-in), SIMULATOR (must be false)',
    );
  });

  it.each([
    ['API_KEY', { API_KEY: 'guest' }, 'development value'],
    ['API_KEY', { API_KEY: 'dev-only-something-else' }, 'development value'],
    ['API_KEY', { API_KEY: '' }, 'not set'],
    ['AMQP_URL', { AMQP_URL: 'amqp://guest:guest@mq:5672' }, 'development password'],
    ['AMQP_URL', { AMQP_URL: 'amqp://guest:0a9b8c7d6e@mq:5672' }, 'development user'],
    [
      'DATABASE_URL',
      { DATABASE_URL: 'postgres://postgres:postgres@db/dvc' },
      'development password',
    ],
    ['REDIS_URL', { REDIS_URL: 'not a url' }, 'not a URL'],
    [
      'ORIGINS',
      { ORIGINS: 'https://dvc.example.vn, http://127.0.0.1:3000' },
      'points at localhost',
    ],
    ['MAIL_HOST', { MAIL_HOST: '127.0.0.1' }, 'the development stand-in'],
    ['SIMULATOR', { SIMULATOR: 'true' }, 'must be false'],
  ])('refuses %s = %j', (name, change, reason) => {
    expect(refusal({ ...safe, ...change })).toBe(
      `Refusing to start in production with development defaults: ${name} (${reason})`,
    );
  });

  it('checks a conditional secret only when its condition holds', () => {
    expect(refusal({ ...safe, RELAY_USER: 'dvc' })).toMatch(/RELAY_PASS \(not set\)/);
    expect(refusal({ ...safe, RELAY_USER: 'dvc', RELAY_PASS: 'r3l4y-pass-9d8c' })).toBe('started');
    expect(secretSettings(loadConfig(SampleConfig, safe))).toEqual([
      'DATABASE_URL',
      'AMQP_URL',
      'REDIS_URL',
      'API_KEY',
    ]);
  });
});
