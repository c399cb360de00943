import type { INestApplication } from '@nestjs/common';
import { RpcQueues } from '@dvc/contracts';
import { runMigrations } from '@dvc/database';
import { startRpcServiceApp } from '@dvc/messaging';
import { migrations } from './migrations';
import { NationalSyncConfig } from './national-sync.config';
import { NationalSyncModule } from './national-sync.module';

/** Starts national-sync: RPC on `national-sync.rpc`, dossier events, the hub dispatcher, HTTP ops. */
export function startNationalSync(config: NationalSyncConfig): Promise<INestApplication> {
  return startRpcServiceApp({
    module: NationalSyncModule.forRoot(config),
    config,
    queue: RpcQueues.nationalSync,
  });
}

/** Creates the `national_sync` schema if needed and applies its pending migrations. */
export function migrateNationalSync(config: NationalSyncConfig): Promise<string[]> {
  return runMigrations({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations });
}
