import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@dvc/config';
import { RedisModule, serviceDataSourceOptions } from '@dvc/database';
import { AmqpConnection, MessagingModule } from '@dvc/messaging';
import { LoggingModule, OpsModule, amqpCheck, postgresCheck, redisCheck } from '@dvc/observability';
import { AgenciesController } from './agencies/agencies.controller';
import { AgenciesRepository } from './agencies/agencies.repository';
import { AgenciesService } from './agencies/agencies.service';
import { CatalogueController } from './catalogue.controller';
import { CatalogueConfig } from './catalogue.config';
import { FieldsController } from './fields/fields.controller';
import { FieldsRepository } from './fields/fields.repository';
import { FieldsService } from './fields/fields.service';
import { FormTemplateGenerator } from './forms/form-template.generator';
import { FormTemplatesController } from './forms/form-templates.controller';
import { FormTemplatesRepository } from './forms/form-templates.repository';
import { FormTemplatesService } from './forms/form-templates.service';
import { HolidaysController } from './holidays/holidays.controller';
import { HolidaysRepository } from './holidays/holidays.repository';
import { HolidaysService } from './holidays/holidays.service';
import { migrations } from './migrations';
import { ProcedureCache } from './procedures/procedure.cache';
import { ProcedureSeedValidator } from './procedures/procedure-seed.validator';
import { ProcedureWriter } from './procedures/procedure-writer';
import { ProceduresController } from './procedures/procedures.controller';
import { ProceduresRepository } from './procedures/procedures.repository';
import { ProceduresService } from './procedures/procedures.service';
import { CatalogueSeeder } from './seed/catalogue.seeder';

@Module({})
export class CatalogueModule {
  static forRoot(config: CatalogueConfig): DynamicModule {
    return {
      module: CatalogueModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('catalogue', config.LOG_LEVEL),
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: config.DATABASE_URL,
            schema: config.DB_SCHEMA,
            migrations,
          }),
        ),
        MessagingModule.forRoot({ service: 'catalogue' }),
        RedisModule.forRoot('catalogue'),
        OpsModule.forRoot({
          inject: [DataSource, AmqpConnection, Redis],
          useFactory: (ds: DataSource, amqp: AmqpConnection, redis: Redis) => [
            postgresCheck(ds),
            amqpCheck(() => amqp.isConnected),
            redisCheck(redis),
          ],
        }),
      ],
      controllers: [
        CatalogueController,
        AgenciesController,
        FieldsController,
        HolidaysController,
        ProceduresController,
        FormTemplatesController,
      ],
      providers: [
        AgenciesRepository,
        AgenciesService,
        FieldsRepository,
        FieldsService,
        HolidaysRepository,
        HolidaysService,
        ProceduresRepository,
        ProceduresService,
        ProcedureCache,
        ProcedureSeedValidator,
        ProcedureWriter,
        FormTemplateGenerator,
        FormTemplatesRepository,
        FormTemplatesService,
        CatalogueSeeder,
      ],
    };
  }
}
