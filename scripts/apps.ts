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
import { migrateNotification } from '../apps/notification/src/app';
import { NotificationConfig } from '../apps/notification/src/notification.config';
import { migratePayment } from '../apps/payment/src/app';
import { PaymentConfig } from '../apps/payment/src/payment.config';

type Env = Record<string, string | undefined>;

export { envFor } from './app-env';

/** What the launcher knows of each app: how to configure, migrate, seed and run it. */
export interface AppEntry {
  name: string;
  /** A simulator of an outside system: development only, never deployed. */
  simulator?: true;
  /** Compiled entry point, relative to the repository root. */
  main: string;
  config: (env: Env) => BaseConfig & { HTTP_PORT: number };
  migrate?: (env: Env) => Promise<string[]>;
  /** Development demo data; idempotent. */
  seed?: (env: Env) => Promise<unknown>;
}

/** Agencies of the demo procedures: the demo officer is a member of all of them. */
export const demoOfficerAgencies = [...new Set(catalogueSeed.procedures.map((p) => p.agencyCode))];

export const apps: AppEntry[] = [
  {
    name: 'identity',
    main: 'dist/apps/identity/src/main.js',
    config: (env) => loadConfig(IdentityConfig, env),
    migrate: (env) => migrateIdentity(loadConfig(IdentityConfig, env)),
    seed: (env) => seedIdentity(loadConfig(IdentityConfig, env), demoOfficerAgencies),
  },
  {
    name: 'catalogue',
    main: 'dist/apps/catalogue/src/main.js',
    config: (env) => loadConfig(CatalogueConfig, env),
    migrate: (env) => migrateCatalogue(loadConfig(CatalogueConfig, env)),
    seed: (env) => seedCatalogue(loadConfig(CatalogueConfig, env)),
  },
  {
    name: 'notification',
    main: 'dist/apps/notification/src/main.js',
    config: (env) => loadConfig(NotificationConfig, env),
    migrate: (env) => migrateNotification(loadConfig(NotificationConfig, env)),
  },
  {
    name: 'document-storage',
    main: 'dist/apps/document-storage/src/main.js',
    config: (env) => loadConfig(StorageConfig, env),
    migrate: (env) => migrateStorage(loadConfig(StorageConfig, env)),
  },
  {
    name: 'dossier',
    main: 'dist/apps/dossier/src/main.js',
    config: (env) => loadConfig(DossierConfig, env),
    migrate: (env) => migrateDossier(loadConfig(DossierConfig, env)),
  },
  {
    name: 'payment',
    main: 'dist/apps/payment/src/main.js',
    config: (env) => loadConfig(PaymentConfig, env),
    migrate: (env) => migratePayment(loadConfig(PaymentConfig, env)),
  },
  {
    // VNeID played locally (ESM, run from its source): the issuer the gateway's OIDC_ISSUER names.
    name: 'vneid-simulator',
    simulator: true,
    main: 'apps/vneid-simulator/src/main.mjs',
    config: (env) => vneidSimulatorConfig(env),
  },
  {
    name: 'gateway',
    main: 'dist/apps/gateway/src/main.js',
    config: (env) => loadConfig(GatewayConfig, env),
  },
];

/** The simulator listens where the gateway expects the issuer: the port of OIDC_ISSUER. */
function vneidSimulatorConfig(env: Env): BaseConfig & { HTTP_PORT: number } {
  const config = loadConfig(BaseConfig, env);
  const gateway = loadConfig(GatewayConfig, env);
  return Object.assign(config, { HTTP_PORT: Number(new URL(gateway.OIDC_ISSUER).port || 80) });
}
