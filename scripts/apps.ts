import { BaseConfig, loadConfig } from '@dvc/config';
import { migrateCatalogue, seedCatalogue } from '../apps/catalogue/src/app';
import { CatalogueConfig } from '../apps/catalogue/src/catalogue.config';
import { catalogueSeed } from '../apps/catalogue/src/seed/data';
import { migrateStorage } from '../apps/document-storage/src/app';
import { StorageConfig } from '../apps/document-storage/src/storage.config';
import { migrateDossier } from '../apps/dossier/src/app';
import { DossierConfig } from '../apps/dossier/src/dossier.config';
import { GatewayConfig } from '../apps/gateway/src/gateway.config';
import { migrateIdentity, seedIdentity } from '../apps/identity/src/app';
import { IdentityConfig } from '../apps/identity/src/identity.config';
import { migrateNationalSync } from '../apps/national-sync/src/app';
import { NationalSyncConfig } from '../apps/national-sync/src/national-sync.config';
import { migrateNotification } from '../apps/notification/src/app';
import { NotificationConfig } from '../apps/notification/src/notification.config';
import { migratePayment } from '../apps/payment/src/app';
import { PaymentConfig } from '../apps/payment/src/payment.config';

type Env = Record<string, string | undefined>;
type AppConfig = BaseConfig & { HTTP_PORT: number };

import { envFor } from './app-env';

export { envFor };

/** How to configure, migrate and seed one app (migrate and seed take its validated config). */
interface AppSpec<C extends AppConfig> {
  configClass: new () => C;
  migrate?: (config: C) => Promise<string[]>;
  /** Development demo data; idempotent. */
  seed?: (config: C) => Promise<unknown>;
}

/** What the launcher knows of a process it starts: how to configure, migrate, seed and run it. */
export interface LaunchedApp {
  name: string;
  /** A simulator of an outside system: development only, never deployed. */
  simulator?: true;
  /** Entry point, relative to the repository root. */
  main: string;
  config: (env: Env) => AppConfig;
  migrate?: (env: Env) => Promise<string[]>;
  /** Development demo data; idempotent. */
  seed?: (env: Env) => Promise<unknown>;
}

/** What the launcher, the process stack, the e2e stack and the ops tests know of each app. */
export interface AppEntry extends LaunchedApp {
  name: AppName;
  /** The app's config class: every variable it reads, its defaults (HTTP_PORT, DB_SCHEMA). */
  configClass: new () => AppConfig;
}

/** Agencies of the demo procedures: the demo officer is a member of all of them. */
export const demoOfficerAgencies = [...new Set(catalogueSeed.procedures.map((p) => p.agencyCode))];

/** One app's entry without its name: config, migrate and seed read from the environment. */
function spec<C extends AppConfig>(s: AppSpec<C>): Omit<AppEntry, 'name' | 'main'> {
  const config = (env: Env): C => loadConfig(s.configClass, env);
  const { migrate, seed } = s;
  return {
    configClass: s.configClass,
    config,
    migrate: migrate && ((env) => migrate(config(env))),
    seed: seed && ((env) => seed(config(env))),
  };
}

/** The apps, in the order they start (the gateway last: it calls the others). */
const specs = {
  identity: spec({
    configClass: IdentityConfig,
    migrate: migrateIdentity,
    seed: (config) => seedIdentity(config, demoOfficerAgencies),
  }),
  catalogue: spec({
    configClass: CatalogueConfig,
    migrate: migrateCatalogue,
    seed: seedCatalogue,
  }),
  notification: spec({ configClass: NotificationConfig, migrate: migrateNotification }),
  'document-storage': spec({ configClass: StorageConfig, migrate: migrateStorage }),
  dossier: spec({ configClass: DossierConfig, migrate: migrateDossier }),
  payment: spec({ configClass: PaymentConfig, migrate: migratePayment }),
  'national-sync': spec({ configClass: NationalSyncConfig, migrate: migrateNationalSync }),
  gateway: spec({ configClass: GatewayConfig }),
};

export type AppName = keyof typeof specs;

export const apps: AppEntry[] = Object.entries(specs).map(([name, entry]) => ({
  name: name as AppName,
  main: `dist/apps/${name}/src/main.js`,
  ...entry,
}));

export const APP_NAMES: readonly AppName[] = apps.map((app) => app.name);

/** Simulators of outside systems that `npm start` runs beside the apps (never in production). */
export const simulators: LaunchedApp[] = [
  {
    // VNeID played locally (ESM, run from its source): the issuer the gateway's OIDC_ISSUER names.
    name: 'vneid-simulator',
    simulator: true,
    main: 'apps/vneid-simulator/src/main.mjs',
    config: (env) => vneidSimulatorConfig(env),
  },
  {
    // The national portal's hub played locally: where national-sync's NATIONAL_HUB_URL points.
    name: 'national-hub-simulator',
    simulator: true,
    main: 'dist/apps/national-hub-simulator/src/main.js',
    config: (env) => hubSimulatorConfig(env),
  },
];

/** The hub simulator listens at the port of NATIONAL_HUB_URL (as national-sync sees it). */
function hubSimulatorConfig(env: Env): AppConfig {
  const config = loadConfig(BaseConfig, env);
  const sync = loadConfig(NationalSyncConfig, envFor({ name: 'national-sync' }, env));
  return Object.assign(config, {
    HTTP_PORT: Number(new URL(sync.NATIONAL_HUB_URL).port || 80),
  });
}

/** The simulator listens where the gateway expects the issuer: the port of OIDC_ISSUER. */
function vneidSimulatorConfig(env: Env): AppConfig {
  const config = loadConfig(BaseConfig, env);
  const gateway = loadConfig(GatewayConfig, env);
  return Object.assign(config, { HTTP_PORT: Number(new URL(gateway.OIDC_ISSUER).port || 80) });
}
