import type { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@dvc/config';
import { dropSchema } from '@dvc/database';
import {
  SmtpSink,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  createVhost,
  deleteVhost,
  startSmtpSink,
  uniqueName,
} from '@dvc/testing';
import { seedCatalogue, startCatalogue } from '../../apps/catalogue/src/app';
import { CatalogueConfig } from '../../apps/catalogue/src/catalogue.config';
import { startGateway } from '../../apps/gateway/src/app';
import { startStorage } from '../../apps/document-storage/src/app';
import { StorageConfig } from '../../apps/document-storage/src/storage.config';
import { startDossier } from '../../apps/dossier/src/app';
import { DossierConfig } from '../../apps/dossier/src/dossier.config';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config';
import { seedIdentity, startIdentity } from '../../apps/identity/src/app';
import { IdentityConfig } from '../../apps/identity/src/identity.config';
import { startNationalSync } from '../../apps/national-sync/src/app';
import { NationalSyncConfig } from '../../apps/national-sync/src/national-sync.config';
import { startNotification } from '../../apps/notification/src/app';
import { NotificationConfig } from '../../apps/notification/src/notification.config';
import { startPayment } from '../../apps/payment/src/app';
import { PaymentConfig } from '../../apps/payment/src/payment.config';
import { AppName, apps as appList } from '../../scripts/apps';

/** Agency of the demo officer in the stack (Công an thành phố Hà Nội). */
export const OFFICER_AGENCY = '000.00.01.H26';
/** Caps of the stack, small so the tests can pass them cheaply. */
export const MAX_FILE_BYTES = 256 * 1024;
export const MAX_DOSSIER_BYTES = 1024 * 1024;

export interface Stack {
  /** The gateway's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  smtp: SmtpSink;
  /** Redis client with the stack's key prefix (to read captcha answers, as tests may). */
  redis: Redis;
  /** The stack's own RabbitMQ vhost, and the AMQP URL (guest) the apps use on it. */
  vhost: string;
  amqpUrl: string;
  /** The Postgres schemas of the stack's services (to look at what is stored). */
  schemas: string[];
  stop(): Promise<void>;
}

/**
 * The whole portal in this process, isolated from every other suite: its own schemas, its
 * own RabbitMQ vhost, its own Redis key prefix, an in-test SMTP sink, free ports.
 */
export async function startStack(
  overrides: Record<string, string> = {},
  // portalDir: the built web portal (dist/portal) for the gateway to serve at `/` (browser tests).
  // gatewayPort: fixed in advance when PUBLIC_URL must be the gateway itself (VNeID's redirect).
  options: { portalDir?: string; gatewayPort?: number } = {},
): Promise<Stack> {
  const id = uniqueName('e2e');
  const smtp = await startSmtpSink();
  const s3Directory = await mkdtemp(join(tmpdir(), 'dvc-e2e-s3-'));
  const amqpUrl = await createVhost(id);
  const base = {
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    AMQP_URL: amqpUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `${id}:`,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'http://portal.test',
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    MAX_FILE_BYTES: String(MAX_FILE_BYTES),
    MAX_DOSSIER_BYTES: String(MAX_DOSSIER_BYTES),
    ...overrides,
  };
  // The provider (the built-in simulator) calls the gateway's IPN route: the gateway's port
  // must be known before the payment service starts, and the gateway needs the payment's.
  const gatewayPort = options.gatewayPort ?? (await freePort());
  const gatewayBase = `http://127.0.0.1:${gatewayPort}/api/v1/payments/vnpay`;
  // Each app's own schema (its default name, prefixed) and the variables only it needs.
  const schemas = new Map(
    appList.map((app) => [app.name, `${id}_${new app.configClass().DB_SCHEMA}`]),
  );
  const own: Partial<Record<AppName, Record<string, string>>> = {
    notification: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) },
    'document-storage': {
      S3RVER_PORT: '0',
      S3RVER_DIRECTORY: s3Directory,
      SIGNING_DIRECTORY: join(s3Directory, 'signing'),
    },
    payment: {
      PAYMENT_IPN_URL: `${gatewayBase}/ipn`,
      // With the portal served, the browser comes back to its result page, as by default.
      PAYMENT_RETURN_URL: options.portalDir
        ? `http://127.0.0.1:${gatewayPort}/giao-dich/ket-qua`
        : `${gatewayBase}/return`,
    },
    // No hub unless a suite starts one (port 9 on loopback: nothing answers), so every
    // journey also shows that a hub that is down holds nobody up.
    'national-sync': { NATIONAL_HUB_URL: overrides.NATIONAL_HUB_URL ?? 'http://127.0.0.1:9' },
  };
  const envOf = (app: AppName) => ({ ...base, DB_SCHEMA: schemas.get(app)!, ...own[app] });
  // The services that keep data (all but the gateway): what tests may look at, what stop() drops.
  const serviceSchemas = appList.filter((app) => app.migrate).map((app) => schemas.get(app.name)!);

  const identityConfig = loadConfig(IdentityConfig, envOf('identity'));
  const catalogueConfig = loadConfig(CatalogueConfig, envOf('catalogue'));
  const notificationConfig = loadConfig(NotificationConfig, envOf('notification'));
  const storageConfig = loadConfig(StorageConfig, envOf('document-storage'));
  const dossierConfig = loadConfig(DossierConfig, envOf('dossier'));
  const paymentConfig = loadConfig(PaymentConfig, envOf('payment'));
  const nationalSyncConfig = loadConfig(NationalSyncConfig, envOf('national-sync'));

  await Promise.all(appList.map((app) => app.migrate?.(envOf(app.name))));
  await seedCatalogue(catalogueConfig);
  await seedIdentity(identityConfig, [OFFICER_AGENCY]);

  const apps: INestApplication[] = [];
  apps.push(await startIdentity(identityConfig));
  const catalogue = await startCatalogue(catalogueConfig);
  apps.push(catalogue);
  apps.push(await startNotification(notificationConfig));
  const storage = await startStorage(storageConfig);
  apps.push(storage);
  apps.push(await startDossier(dossierConfig));
  const payment = await startPayment(paymentConfig);
  apps.push(payment);
  apps.push(await startNationalSync(nationalSyncConfig));
  const gatewayConfig = loadConfig(GatewayConfig, {
    ...envOf('gateway'),
    HTTP_PORT: String(gatewayPort),
    CATALOGUE_HTTP_URL: urlOf(catalogue),
    STORAGE_HTTP_URL: urlOf(storage),
    PAYMENT_HTTP_URL: urlOf(payment),
  });
  const gateway = await startGateway(gatewayConfig, { portalDir: options.portalDir ?? null });
  apps.push(gateway);
  const redis = new Redis(TEST_REDIS_URL, { keyPrefix: base.REDIS_PREFIX });

  return {
    url: urlOf(gateway),
    smtp,
    redis,
    vhost: id,
    amqpUrl,
    schemas: serviceSchemas,
    async stop() {
      for (const app of apps.reverse()) await app.close();
      redis.disconnect();
      await smtp.close();
      await deleteVhost(id);
      for (const schema of serviceSchemas) await dropSchema(TEST_DATABASE_URL, schema);
      await rm(s3Directory, { recursive: true, force: true });
    },
  };
}

/** A port nobody listens on now (the OS's pick), for a server that must be known before it starts. */
/**
 * A port that is free now, for a server that must be reached at a known address before it
 * starts. Picked at random below the kernel's ephemeral range (32768–60999), which
 * `listen(0)` and outgoing connections draw from: a port handed out here cannot be taken
 * meanwhile by another suite's app starting on port 0.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server = createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
}

function urlOf(app: INestApplication): string {
  const address = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}
