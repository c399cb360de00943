import { INestApplication } from '@nestjs/common';
import { RpcQueues } from '@dvc/contracts';
import { runMigrations } from '@dvc/database';
import { startRpcServiceApp } from '@dvc/messaging';
import { DossierConfig } from './dossier.config';
import { DossierModule } from './dossier.module';
import { migrations } from './migrations';

/** The dossier service: RPC on `dossier.rpc`, HTTP (health, metrics) on HTTP_PORT. */
export function startDossier(config: DossierConfig): Promise<INestApplication> {
  return startRpcServiceApp({
    module: DossierModule.forRoot(config),
    config,
    queue: RpcQueues.dossier,
  });
}

/** Creates the schema if needed and applies pending migrations; returns their names. */
export function migrateDossier(config: DossierConfig): Promise<string[]> {
  return runMigrations({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations });
}
