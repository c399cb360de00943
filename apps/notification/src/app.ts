import type { INestApplication } from '@nestjs/common';
import { RpcQueues } from '@dvc/contracts';
import { runMigrations } from '@dvc/database';
import { startRpcServiceApp } from '@dvc/messaging';
import { migrations } from './migrations';
import { NotificationConfig } from './notification.config';
import { NotificationModule } from './notification.module';

/** Starts the notification service: RPC on `notification.rpc`, events, the email queue, HTTP ops. */
export function startNotification(config: NotificationConfig): Promise<INestApplication> {
  return startRpcServiceApp({
    module: NotificationModule.forRoot(config),
    config,
    queue: RpcQueues.notification,
  });
}

/** Creates the `notification` schema if needed and applies its pending migrations. */
export function migrateNotification(config: NotificationConfig): Promise<string[]> {
  return runMigrations({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations });
}
