import { BullModule, getQueueToken } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@dvc/config';
import { serviceDataSourceOptions } from '@dvc/database';
import { AmqpConnection, MessagingModule } from '@dvc/messaging';
import { LoggingModule, OpsModule, amqpCheck, postgresCheck, redisCheck } from '@dvc/observability';
import { CLEANUP_QUEUE, CleanupProcessor } from './cleanup/cleanup.processor';
import { CleanupService } from './cleanup/cleanup.service';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsRepository } from './documents/documents.repository';
import { DocumentsService } from './documents/documents.service';
import { FilesHttpController } from './files/files-http.controller';
import { FilesController } from './files/files.controller';
import { FilesRepository } from './files/files.repository';
import { FilesService } from './files/files.service';
import { UploadsService } from './files/uploads.service';
import { INTERNAL_TOKEN, InternalTokenGuard } from '@dvc/http';
import { RawBodyParser } from './http/raw-body.parser';
import { migrations } from './migrations';
import { ObjectStore } from './object-store/object-store';
import { ObjectStoreModule } from './object-store/object-store.module';
import { PingController } from './ops/ping.controller';
import { IssuedDocumentsController } from './issued/issued-documents.controller';
import { IssuedDocumentsRepository } from './issued/issued-documents.repository';
import { IssuedDocumentsService } from './issued/issued-documents.service';
import { VerificationsHttpController } from './issued/verifications-http.controller';
import { scannerProvider } from './scanning/scanner.provider';
import { signerProvider } from './signing/signer.provider';
import { StorageConfig } from './storage.config';

@Module({})
export class StorageModule {
  static forRoot(config: StorageConfig): DynamicModule {
    return {
      module: StorageModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('document-storage', config.LOG_LEVEL),
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: config.DATABASE_URL,
            schema: config.DB_SCHEMA,
            migrations,
          }),
        ),
        MessagingModule.forRoot({ service: 'document-storage' }),
        BullModule.forRoot({ url: config.REDIS_URL, prefix: `${config.REDIS_PREFIX}bull` }),
        // Global so that OpsModule's readiness check can reach the queue's Redis client.
        { ...BullModule.registerQueue({ name: CLEANUP_QUEUE }), global: true },
        ObjectStoreModule,
        OpsModule.forRoot({
          inject: [DataSource, AmqpConnection, ObjectStore, getQueueToken(CLEANUP_QUEUE)],
          useFactory: (
            dataSource: DataSource,
            amqp: AmqpConnection,
            store: ObjectStore,
            queue: Queue,
          ) => [
            postgresCheck(dataSource),
            amqpCheck(() => amqp.isConnected),
            { name: 'object-store', check: () => store.check() },
            redisCheck(queue.client),
          ],
        }),
      ],
      controllers: [
        PingController,
        FilesController,
        DocumentsController,
        FilesHttpController,
        IssuedDocumentsController,
        VerificationsHttpController,
      ],
      providers: [
        RawBodyParser,
        InternalTokenGuard,
        {
          provide: INTERNAL_TOKEN,
          inject: [StorageConfig],
          useFactory: (c: StorageConfig) => c.INTERNAL_TOKEN,
        },
        scannerProvider,
        FilesRepository,
        FilesService,
        UploadsService,
        DocumentsRepository,
        DocumentsService,
        CleanupService,
        CleanupProcessor,
        signerProvider,
        IssuedDocumentsRepository,
        IssuedDocumentsService,
      ],
    };
  }
}
