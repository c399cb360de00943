import { BullModule, getQueueToken } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@dvc/config';
import { serviceDataSourceOptions } from '@dvc/database';
import { AmqpConnection, MessagingModule } from '@dvc/messaging';
import { LoggingModule, OpsModule, amqpCheck, postgresCheck, redisCheck } from '@dvc/observability';
import { EmailDeliveriesRepository } from './email/email-deliveries.repository';
import { EMAIL_QUEUE } from './email/email.dto';
import { EmailProcessor } from './email/email.processor';
import { EmailService } from './email/email.service';
import { Mailer } from './email/mailer';
import { NotificationEventsConsumer } from './events/notification-events.consumer';
import { migrations } from './migrations';
import { NotificationConfig } from './notification.config';
import { PingController } from './ping/ping.controller';

@Module({})
export class NotificationModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('notification', config.LOG_LEVEL),
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: config.DATABASE_URL,
            schema: config.DB_SCHEMA,
            migrations,
          }),
        ),
        MessagingModule.forRoot({ service: 'notification' }),
        BullModule.forRoot({ url: config.REDIS_URL, prefix: `${config.REDIS_PREFIX}bull` }),
        // Global so that OpsModule's readiness check can reach the queue's Redis client.
        { ...BullModule.registerQueue({ name: EMAIL_QUEUE }), global: true },
        OpsModule.forRoot({
          inject: [DataSource, AmqpConnection, getQueueToken(EMAIL_QUEUE)],
          useFactory: (dataSource: DataSource, amqp: AmqpConnection, emailQueue: Queue) => [
            postgresCheck(dataSource),
            amqpCheck(() => amqp.isConnected),
            redisCheck(emailQueue.client),
          ],
        }),
      ],
      controllers: [PingController],
      providers: [
        Mailer,
        EmailDeliveriesRepository,
        EmailService,
        EmailProcessor,
        NotificationEventsConsumer,
      ],
    };
  }
}
