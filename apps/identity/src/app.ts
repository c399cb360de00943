import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RpcQueues } from '@dvc/contracts';
import { runMigrations, serviceDataSourceOptions } from '@dvc/database';
import { startRpcServiceApp } from '@dvc/messaging';
import { IdentityConfig } from './identity.config';
import { IdentityModule } from './identity.module';
import { migrations } from './migrations';
import { DemoAccount, seedDemoAccounts } from './seed/demo-accounts';

/** Starts the identity service: RPC on `identity.rpc`, health and metrics on HTTP_PORT. */
export function startIdentity(config: IdentityConfig): Promise<INestApplication> {
  return startRpcServiceApp({
    module: IdentityModule.forRoot(config),
    config,
    queue: RpcQueues.identity,
  });
}

/** Creates the schema if needed and applies pending migrations; returns the ones applied. */
export function migrateIdentity(config: IdentityConfig): Promise<string[]> {
  return runMigrations({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations });
}

/**
 * Demo accounts citizen@, officer@ and admin@dvc.local (password `ChangeMe!2026`), never in
 * production. Idempotent. The officer belongs to `officerAgencies` (catalogue agency codes).
 */
export async function seedIdentity(
  config: IdentityConfig,
  officerAgencies: string[] = [],
): Promise<DemoAccount[]> {
  if (config.isProduction || !config.SEED_DEMO_ACCOUNTS) return [];
  const dataSource = new DataSource(
    serviceDataSourceOptions({
      url: config.DATABASE_URL,
      schema: config.DB_SCHEMA,
      migrations,
      poolSize: 1,
    }),
  );
  await dataSource.initialize();
  try {
    return await seedDemoAccounts(dataSource, officerAgencies);
  } finally {
    await dataSource.destroy();
  }
}
