import type { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import type { AddressInfo } from 'node:net';
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
import { migrateCatalogue, seedCatalogue, startCatalogue } from '../../apps/catalogue/src/app';
import { CatalogueConfig } from '../../apps/catalogue/src/catalogue.config';
import { startGateway } from '../../apps/gateway/src/app';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config';
import { migrateIdentity, seedIdentity, startIdentity } from '../../apps/identity/src/app';
import { IdentityConfig } from '../../apps/identity/src/identity.config';
import { migrateNotification, startNotification } from '../../apps/notification/src/app';
import { NotificationConfig } from '../../apps/notification/src/notification.config';

export interface Stack {
  /** The gateway's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  smtp: SmtpSink;
  /** Redis client with the stack's key prefix (to read captcha answers, as tests may). */
  redis: Redis;
  stop(): Promise<void>;
}

/**
 * The whole portal in this process, isolated from every other suite: its own schemas, its
 * own RabbitMQ vhost, its own Redis key prefix, an in-test SMTP sink, free ports.
 */
export async function startStack(): Promise<Stack> {
  const id = uniqueName('e2e');
  const smtp = await startSmtpSink();
  const base = {
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    AMQP_URL: await createVhost(id),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `${id}:`,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'http://portal.test',
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
  };
  const schema = (app: string) => `${id}_${app}`;
  const identityConfig = loadConfig(IdentityConfig, { ...base, DB_SCHEMA: schema('identity') });
  const catalogueConfig = loadConfig(CatalogueConfig, { ...base, DB_SCHEMA: schema('catalogue') });
  const notificationConfig = loadConfig(NotificationConfig, {
    ...base,
    DB_SCHEMA: schema('notification'),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
  });

  await Promise.all([
    migrateIdentity(identityConfig),
    migrateCatalogue(catalogueConfig),
    migrateNotification(notificationConfig),
  ]);
  await seedCatalogue(catalogueConfig);
  await seedIdentity(identityConfig, ['000.00.01.H26']);

  const apps: INestApplication[] = [];
  apps.push(await startIdentity(identityConfig));
  const catalogue = await startCatalogue(catalogueConfig);
  apps.push(catalogue);
  apps.push(await startNotification(notificationConfig));
  const gatewayConfig = loadConfig(GatewayConfig, {
    ...base,
    DB_SCHEMA: schema('gateway'),
    CATALOGUE_HTTP_URL: urlOf(catalogue),
  });
  const gateway = await startGateway(gatewayConfig);
  apps.push(gateway);
  const redis = new Redis(TEST_REDIS_URL, { keyPrefix: base.REDIS_PREFIX });

  return {
    url: urlOf(gateway),
    smtp,
    redis,
    async stop() {
      for (const app of apps.reverse()) await app.close();
      redis.disconnect();
      await smtp.close();
      await deleteVhost(id);
      for (const app of ['identity', 'catalogue', 'notification']) await dropSchema(TEST_DATABASE_URL, schema(app));
    },
  };
}

function urlOf(app: INestApplication): string {
  const address = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}
