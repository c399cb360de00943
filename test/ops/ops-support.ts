import 'reflect-metadata';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage, IsInt, Max, Min } from 'class-validator';
import { BaseConfig, ConfigError, loadConfig, secretSettings } from '@dvc/config';

/** Helpers shared by the docker-compose, Kubernetes and Dockerfile tests. */

export const repoRoot = join(__dirname, '..', '..');

type Env = Record<string, string | undefined>;
type ConfigClass = new () => BaseConfig & { HTTP_PORT: number };

/** The seven deployed apps (docs/design.md §2) and the port each listens on by default. */
export const APP_NAMES = [
  'gateway',
  'identity',
  'catalogue',
  'notification',
  'dossier',
  'document-storage',
  'payment',
] as const;
export type AppName = (typeof APP_NAMES)[number];

/**
 * Stand-in for an app whose config class is not written yet (payment, while it is being
 * built): only the variables every app knows, plus its port. As soon as
 * apps/<app>/src/<app>.config.ts exists, the real class is used instead.
 */
function placeholderConfig(port: number, schema: string): ConfigClass {
  class PlaceholderConfig extends BaseConfig {
    override DB_SCHEMA = schema;

    @IsInt()
    @Min(0)
    @Max(65535)
    HTTP_PORT: number = port;
  }
  return PlaceholderConfig;
}

export interface AppInfo {
  name: AppName;
  config: ConfigClass;
  /** False when the app has no config class yet (placeholder in use). */
  hasOwnConfig: boolean;
  /** Default HTTP_PORT of the config class. */
  port: number;
  /** Every variable the config class reads. */
  variables: Set<string>;
}

/** The config class exported by apps/<app>/src/*.config.ts, if the app exists. */
function findConfigClass(app: string): ConfigClass | undefined {
  const dir = join(repoRoot, 'apps', app, 'src');
  if (!existsSync(dir)) return undefined;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.config.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(join(dir, file)) as Record<string, unknown>;
    const found = Object.values(exported).find(
      (value): value is ConfigClass =>
        typeof value === 'function' && value.prototype instanceof BaseConfig,
    );
    if (found) return found;
  }
  return undefined;
}

export function configVariables(config: new () => object): Set<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(config, '', true, false)
      .map((m) => m.propertyName),
  );
}

const FALLBACK_PORTS: Record<AppName, number> = {
  gateway: 3000,
  identity: 3001,
  catalogue: 3002,
  notification: 3003,
  dossier: 3004,
  'document-storage': 3005,
  payment: 3006,
};

let cached: AppInfo[] | undefined;

/** Every deployed app with its config class (real, or the placeholder while it is missing). */
export function deployedApps(): AppInfo[] {
  cached ??= APP_NAMES.map((name) => {
    const own = findConfigClass(name);
    const config = own ?? placeholderConfig(FALLBACK_PORTS[name], name.replace('-', '_'));
    return {
      name,
      config,
      hasOwnConfig: own !== undefined,
      port: new config().HTTP_PORT,
      variables: configVariables(config),
    };
  });
  return cached;
}

/** The apps the migration step migrates: those with a Postgres schema (all but the gateway). */
export function migratedApps(): AppInfo[] {
  return deployedApps().filter((app) => new app.config().usesPostgres);
}

/**
 * Variables of `app` whose development default is another app on this machine
 * (`http://127.0.0.1:3002` → catalogue): deployed, they must name that app's service.
 */
export function internalUrls(app: AppInfo): [string, AppInfo][] {
  const defaults = new app.config() as unknown as Record<string, unknown>;
  const out: [string, AppInfo][] = [];
  for (const variable of app.variables) {
    const value = defaults[variable];
    const match = typeof value === 'string' ? /^https?:\/\/127\.0\.0\.1:(\d+)/.exec(value) : null;
    const target = match && deployedApps().find((a) => a.port === Number(match[1]));
    if (target && target !== app) out.push([variable, target]);
  }
  return out;
}

/** Server apps under apps/ (those with src/main.ts): a new one must be deployed too. */
export function appFolders(): string[] {
  return readdirSync(join(repoRoot, 'apps'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(repoRoot, 'apps', d.name, 'src', 'main.ts')))
    .map((d) => d.name);
}

/** Values of a realistic shape where a long random secret would not do. */
/** One key pair an operator would make for sealing email tokens (identity public, notification private). */
let emailTokenPair: { publicKey: Buffer; privateKey: Buffer } | undefined;
function emailTokenKeys(): { publicKey: Buffer; privateKey: Buffer } {
  emailTokenPair ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return emailTokenPair;
}

const SAMPLE_VALUES: Record<string, () => string> = {
  VNPAY_TMN_CODE: () => `DVC${randomBytes(3).toString('hex').toUpperCase()}`,
  EMAIL_TOKEN_PUBLIC_KEY: () => emailTokenKeys().publicKey.toString('base64'),
  EMAIL_TOKEN_PRIVATE_KEY: () => emailTokenKeys().privateKey.toString('base64'),
};

/** A value no production check refuses, for a secret the tests stand in for. */
export function strongSecret(label: string): string {
  const sample = SAMPLE_VALUES[label];
  if (sample) return sample();
  return `${label.toLowerCase().replace(/[^a-z0-9]/g, '')}${randomBytes(24).toString('hex')}`;
}

/**
 * The variables an app refuses to start without in production, found by asking its config:
 * start from an empty production environment, and each time the config refuses it, take the
 * variables its message names (secrets, development values, MINIO_ENDPOINT, PAYMENT_SIMULATOR,
 * …), fill them from `provided` (or a strong stand-in) and ask again.
 */
export function requiredInProduction(config: ConfigClass, provided: Env): Set<string> {
  const variables = configVariables(config);
  const required = new Set<string>();
  const env: Env = { NODE_ENV: 'production' };
  for (let round = 0; round < 20; round++) {
    const problem = configProblem(config, env);
    if (problem === null) return required;
    const named = [...problem.matchAll(/\b[A-Z][A-Z0-9_]+\b/g)]
      .map((m) => m[0])
      .filter((name) => variables.has(name) && !required.has(name) && name !== 'NODE_ENV');
    if (named.length === 0) return required;
    for (const name of named) {
      required.add(name);
      env[name] = provided[name] ?? strongSecret(name);
    }
  }
  return required;
}

/** The names of the secrets a config holds (its `@Secret()` and `@SecretInUrl()` settings). */
export function secretNames(config: ConfigClass, env: Env): string[] {
  return secretSettings(loadConfigOrNull(config, env) ?? new config());
}

function loadConfigOrNull(config: ConfigClass, env: Env): BaseConfig | null {
  try {
    return loadConfig(config, env);
  } catch {
    return null;
  }
}

/** The config's own verdict on an environment: null when it starts, else its message. */
export function configProblem(config: ConfigClass, env: Env): string | null {
  try {
    loadConfig(config, env);
    return null;
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
}
