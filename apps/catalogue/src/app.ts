import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { RpcQueues } from '@dvc/contracts';
import { runMigrations } from '@dvc/database';
import { startRpcServiceApp } from '@dvc/messaging';
import { CatalogueConfig } from './catalogue.config';
import { CatalogueModule } from './catalogue.module';
import { migrations } from './migrations';
import { catalogueSeed } from './seed/data';
import { CatalogueSeeder, SeedReport } from './seed/catalogue.seeder';
import type { CatalogueSeed } from './seed/seed.types';

/** The catalogue service: RPC on `catalogue.rpc`, HTTP (health, metrics, form downloads) on HTTP_PORT. */
export function startCatalogue(config: CatalogueConfig): Promise<INestApplication> {
  return startRpcServiceApp({
    module: CatalogueModule.forRoot(config),
    config,
    queue: RpcQueues.catalogue,
  });
}

/** Creates the schema if needed and applies pending migrations; returns their names. */
export function migrateCatalogue(config: CatalogueConfig): Promise<string[]> {
  return runMigrations({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations });
}

/**
 * Loads the demo catalogue (or `seed`) idempotently, through the same write path as an
 * admin import; the events of changed procedures are published by the relay.
 */
export async function seedCatalogue(
  config: CatalogueConfig,
  seed: CatalogueSeed = catalogueSeed,
): Promise<SeedReport> {
  const context = await NestFactory.createApplicationContext(CatalogueModule.forRoot(config), {
    bufferLogs: true,
  });
  context.useLogger(context.get(Logger));
  try {
    return await context.get(CatalogueSeeder).seed(seed);
  } finally {
    await context.close();
  }
}
