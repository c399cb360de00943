import 'reflect-metadata';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { BaseConfig, ConfigError, loadConfig, secretSettings } from '@dvc/config';
import { APP_NAMES, AppEntry, AppName, apps, simulators } from '../../scripts/apps';

/** Helpers shared by the docker-compose, Kubernetes and Dockerfile tests. */

export const repoRoot = join(__dirname, '..', '..');

type Env = Record<string, string | undefined>;
type ConfigClass = AppEntry['configClass'];

export { APP_NAMES };
export type { AppName };

export interface AppInfo {
  name: AppName;
  config: ConfigClass;
  /** Default HTTP_PORT of the config class. */
  port: number;
  /** Every variable the config class reads. */
  variables: Set<string>;
}

export function configVariables(config: new () => object): Set<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(config, '', true, false)
      .map((m) => m.propertyName),
  );
}

let cached: AppInfo[] | undefined;

/** Every deployed app (the one list in scripts/apps.ts) with its config class. */
export function deployedApps(): AppInfo[] {
  cached ??= apps.map((app) => ({
    name: app.name,
    config: app.configClass,
    port: new app.configClass().HTTP_PORT,
    variables: configVariables(app.configClass),
  }));
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
  return (
    readdirSync(join(repoRoot, 'apps'), { withFileTypes: true })
      .filter(
        (d) => d.isDirectory() && existsSync(join(repoRoot, 'apps', d.name, 'src', 'main.ts')),
      )
      .map((d) => d.name)
      // Simulators of outside systems are development only, never deployed.
      .filter((name) => !simulators.some((s) => s.name === name))
  );
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
