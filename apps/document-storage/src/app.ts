import type { INestApplication } from '@nestjs/common';
import { RpcQueues } from '@dvc/contracts';
import { runMigrations } from '@dvc/database';
import { startRpcServiceApp } from '@dvc/messaging';
import { migrations } from './migrations';
import { StorageConfig } from './storage.config';
import { StorageModule } from './storage.module';

/**
 * The document-storage service: RPC on `storage.rpc`; HTTP (health, metrics and the internal
 * file streams) on HTTP_PORT; the cleanup job; in development its own embedded s3rver.
 */
export function startStorage(config: StorageConfig): Promise<INestApplication> {
  return startRpcServiceApp({
    module: StorageModule.forRoot(config),
    config,
    queue: RpcQueues.storage,
  });
}

/** Creates the `storage` schema if needed and applies its pending migrations. */
export function migrateStorage(config: StorageConfig): Promise<string[]> {
  return runMigrations({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations });
}
