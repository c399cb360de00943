import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { RpcQueues } from '@dvc/contracts';
import { runMigrations } from '@dvc/database';
import { startRpcServiceApp } from '@dvc/messaging';
import { migrations } from './migrations';
import { PaymentConfig } from './payment.config';
import { PaymentModule } from './payment.module';
import { ProviderEndpoints } from './provider/provider-endpoints';

/**
 * The payment service: RPC on `payment.rpc`; HTTP (health, metrics, the internal receipt
 * stream and, in development, the payment simulator) on HTTP_PORT; the reconciliation job.
 */
export async function startPayment(config: PaymentConfig): Promise<INestApplication> {
  const app = await startRpcServiceApp({
    module: PaymentModule.forRoot(config),
    config,
    queue: RpcQueues.payment,
  });
  // The simulator's URLs (the default provider) are known once the server listens.
  app.get(ProviderEndpoints).bindOwnAddress(app.getHttpServer().address() as AddressInfo | null);
  return app;
}

/** Creates the `payment` schema if needed and applies its pending migrations. */
export function migratePayment(config: PaymentConfig): Promise<string[]> {
  return runMigrations({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations });
}
