import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BaseConfig } from '@dvc/config';
import { AmqpConnection } from './amqp-connection';
import { EventConsumer } from './event-consumer';
import { OutboxRelay, OutboxWriter } from './outbox';
import { UnitOfWork } from './unit-of-work';

export interface MessagingModuleOptions {
  /** Service name, used for the AMQP connection name. */
  service: string;
}

/**
 * Events for one service: its AMQP connection, transactional outbox + relay, and the
 * idempotent consumer. Needs TypeORM's DataSource and BaseConfig (DB_SCHEMA, AMQP_URL).
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const providers = [
      {
        provide: AmqpConnection,
        inject: [BaseConfig],
        useFactory: (c: BaseConfig) => new AmqpConnection(c.AMQP_URL, `dvc-${options.service}`),
      },
      {
        provide: OutboxWriter,
        inject: [BaseConfig],
        useFactory: (c: BaseConfig) => new OutboxWriter(c.DB_SCHEMA),
      },
      {
        provide: OutboxRelay,
        inject: [DataSource, AmqpConnection, BaseConfig],
        useFactory: (ds: DataSource, amqp: AmqpConnection, c: BaseConfig) =>
          new OutboxRelay(ds, amqp, { schema: c.DB_SCHEMA }),
      },
      {
        provide: EventConsumer,
        inject: [AmqpConnection, DataSource, BaseConfig],
        useFactory: (amqp: AmqpConnection, ds: DataSource, c: BaseConfig) =>
          new EventConsumer(amqp, ds, {
            schema: c.DB_SCHEMA,
            deliveryLimit: c.EVENT_DELIVERY_LIMIT,
          }),
      },
      {
        provide: UnitOfWork,
        inject: [DataSource, OutboxWriter, OutboxRelay],
        useFactory: (ds: DataSource, w: OutboxWriter, r: OutboxRelay) => new UnitOfWork(ds, w, r),
      },
    ];
    return { module: MessagingModule, providers, exports: providers.map((p) => p.provide) };
  }
}
