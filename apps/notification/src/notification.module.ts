import { BullModule, getQueueToken } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@dvc/config';
import { RedisModule, serviceDataSourceOptions } from '@dvc/database';
import { AmqpConnection, MessagingModule } from '@dvc/messaging';
import { LoggingModule, OpsModule, amqpCheck, postgresCheck, redisCheck } from '@dvc/observability';
import { AfterCommit } from './bell/after-commit';
import { BellPublisher } from './bell/bell-publisher';
import { AgencyOfficers, RpcAgencyOfficers } from './contacts/agency-officers';
import {
  AccountContacts,
  RpcAccountContacts,
  identityRpcClient,
} from './contacts/account-contacts';
import { EmailDeliveriesRepository } from './email/email-deliveries.repository';
import { EMAIL_QUEUE } from './email/email.dto';
import { EmailProcessor } from './email/email.processor';
import { EmailService } from './email/email.service';
import { TokenOpener } from './email/token-opener';
import { Mailer } from './email/mailer';
import { NotificationEventsConsumer } from './events/notification-events.consumer';
import { migrations } from './migrations';
import { NotificationConfig } from './notification.config';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsRepository } from './notifications/notifications.repository';
import { NotificationsService } from './notifications/notifications.service';
import { PingController } from './ping/ping.controller';
import { PreferencesController } from './preferences/preferences.controller';
import { PreferencesRepository } from './preferences/preferences.repository';
import { PreferencesService } from './preferences/preferences.service';
import { smsSenderProvider } from './sms/sms-sender';
import { SmsProcessor } from './sms/sms.processor';
import { SMS_QUEUE, SmsService } from './sms/sms.service';

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
        // Publishes the bell on Redis pub/sub for the gateways' live streams.
        RedisModule.forRoot('notification'),
        BullModule.forRoot({ url: config.REDIS_URL, prefix: `${config.REDIS_PREFIX}bull` }),
        // Global so that OpsModule's readiness check can reach the queue's Redis client.
        { ...BullModule.registerQueue({ name: EMAIL_QUEUE }, { name: SMS_QUEUE }), global: true },
        OpsModule.forRoot({
          inject: [DataSource, AmqpConnection, getQueueToken(EMAIL_QUEUE)],
          useFactory: (dataSource: DataSource, amqp: AmqpConnection, emailQueue: Queue) => [
            postgresCheck(dataSource),
            amqpCheck(() => amqp.isConnected),
            redisCheck(emailQueue.client),
          ],
        }),
      ],
      controllers: [PingController, NotificationsController, PreferencesController],
      providers: [
        identityRpcClient,
        { provide: AccountContacts, useClass: RpcAccountContacts },
        { provide: AgencyOfficers, useClass: RpcAgencyOfficers },
        Mailer,
        EmailDeliveriesRepository,
        EmailService,
        EmailProcessor,
        TokenOpener,
        smsSenderProvider,
        SmsService,
        SmsProcessor,
        AfterCommit,
        BellPublisher,
        NotificationsRepository,
        NotificationsService,
        PreferencesRepository,
        PreferencesService,
        NotificationEventsConsumer,
      ],
    };
  }
}
