import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RpcQueues } from '@dvc/contracts';
import { ConfigModule } from '@dvc/config';
import { serviceDataSourceOptions } from '@dvc/database';
import { AmqpConnection, MessagingModule, RpcClient } from '@dvc/messaging';
import { LoggingModule, OpsModule, amqpCheck, postgresCheck } from '@dvc/observability';
import { HubCallDispatcher } from './calls/hub-call-dispatcher';
import { HubCallsController } from './calls/hub-calls.controller';
import { HubCallsRepository } from './calls/hub-calls.repository';
import { HubCallsService } from './calls/hub-calls.service';
import { HubCatalogueImportController } from './catalogue-import/hub-catalogue-import.controller';
import {
  CATALOGUE_RPC,
  HubCatalogueImportService,
} from './catalogue-import/hub-catalogue-import.service';
import { DossierEventsConsumer } from './events/dossier-events.consumer';
import { HubClient } from './hub/hub-client';
import { migrations } from './migrations';
import { NationalSyncConfig } from './national-sync.config';
import { NationalSyncMetrics } from './ops/national-sync-metrics';

/**
 * Keeps the national portal's hub up to date with every dossier (docs/design.md, national
 * sync): dossier events become queued hub calls, a dispatcher sends them in order per dossier.
 * Readiness does not depend on the hub: a hub that is down is what the queue is for.
 */
@Module({})
export class NationalSyncModule {
  static forRoot(config: NationalSyncConfig): DynamicModule {
    return {
      module: NationalSyncModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('national-sync', config.LOG_LEVEL),
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: config.DATABASE_URL,
            schema: config.DB_SCHEMA,
            migrations,
          }),
        ),
        MessagingModule.forRoot({ service: 'national-sync' }),
        OpsModule.forRoot({
          inject: [DataSource, AmqpConnection],
          useFactory: (dataSource: DataSource, amqp: AmqpConnection) => [
            postgresCheck(dataSource),
            amqpCheck(() => amqp.isConnected),
          ],
        }),
      ],
      controllers: [HubCallsController, HubCatalogueImportController],
      providers: [
        {
          provide: CATALOGUE_RPC,
          inject: [NationalSyncConfig],
          useFactory: (c: NationalSyncConfig) =>
            new RpcClient('catalogue', RpcQueues.catalogue, c.AMQP_URL, c.RPC_TIMEOUT_MS),
        },
        HubClient,
        HubCallsRepository,
        HubCallDispatcher,
        HubCallsService,
        HubCatalogueImportService,
        DossierEventsConsumer,
        NationalSyncMetrics,
      ],
    };
  }
}
