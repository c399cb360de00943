import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@dvc/config';
import { RedisModule, serviceDataSourceOptions } from '@dvc/database';
import { INTERNAL_TOKEN, InternalTokenGuard } from '@dvc/http';
import { AmqpConnection, MessagingModule } from '@dvc/messaging';
import { LoggingModule, OpsModule, amqpCheck, postgresCheck, redisCheck } from '@dvc/observability';
import { CallbackRecorder } from './ipn/callback-recorder';
import { CallbacksRepository } from './ipn/callbacks.repository';
import { IpnController } from './ipn/ipn.controller';
import { IpnService } from './ipn/ipn.service';
import { ReturnViewService } from './ipn/return-view.service';
import { migrations } from './migrations';
import { PayerDirectory, RpcPayerDirectory, identityClient } from './neighbours/payer-directory';
import { PingController } from './ops/ping.controller';
import { PaymentConfig } from './payment.config';
import { PaymentLifecycle } from './payments/payment-lifecycle';
import { PaymentRequestsConsumer } from './payments/payment-requests.consumer';
import { PaymentsController } from './payments/payments.controller';
import { PaymentsRepository } from './payments/payments.repository';
import { PaymentsService } from './payments/payments.service';
import { PaymentProvider } from './provider/payment-provider';
import { SignedReceipts, storageClient } from './receipts/signed-receipts';
import { ProviderEndpoints } from './provider/provider-endpoints';
import { VnpayProvider } from './provider/vnpay/vnpay.provider';
import { ReceiptsHttpController } from './receipts/receipts-http.controller';
import { ReceiptsRepository } from './receipts/receipts.repository';
import {
  RECONCILE_QUEUE,
  ReconciliationProcessor,
} from './reconciliation/reconciliation.processor';
import { ReconciliationRepository } from './reconciliation/reconciliation.repository';
import { ReconciliationService } from './reconciliation/reconciliation.service';
import { SimulatorController } from './simulator/simulator.controller';
import { SimulatorStore } from './simulator/simulator-store';
import { SimulatorService } from './simulator/simulator.service';

/** The payment service: Giao dịch, the provider (VNPay 2.1.0), IPN, reconciliation, receipts. */
@Module({})
export class PaymentModule {
  static forRoot(config: PaymentConfig): DynamicModule {
    const simulator = config.PAYMENT_SIMULATOR;
    return {
      module: PaymentModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('payment', config.LOG_LEVEL),
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: config.DATABASE_URL,
            schema: config.DB_SCHEMA,
            migrations,
          }),
        ),
        MessagingModule.forRoot({ service: 'payment' }),
        RedisModule.forRoot('payment'),
        BullModule.forRoot({ url: config.REDIS_URL, prefix: `${config.REDIS_PREFIX}bull` }),
        BullModule.registerQueue({ name: RECONCILE_QUEUE }),
        OpsModule.forRoot({
          inject: [DataSource, AmqpConnection, Redis],
          useFactory: (dataSource: DataSource, amqp: AmqpConnection, redis: Redis) => [
            postgresCheck(dataSource),
            amqpCheck(() => amqp.isConnected),
            redisCheck(redis),
          ],
        }),
      ],
      controllers: [
        PingController,
        PaymentsController,
        IpnController,
        ReceiptsHttpController,
        ...(simulator ? [SimulatorController] : []),
      ],
      providers: [
        identityClient,
        storageClient,
        SignedReceipts,
        { provide: PayerDirectory, useClass: RpcPayerDirectory },
        {
          provide: INTERNAL_TOKEN,
          inject: [PaymentConfig],
          useFactory: (c: PaymentConfig) => c.INTERNAL_TOKEN,
        },
        InternalTokenGuard,
        ProviderEndpoints,
        { provide: PaymentProvider, useClass: VnpayProvider },
        PaymentsRepository,
        ReceiptsRepository,
        CallbacksRepository,
        CallbackRecorder,
        ReconciliationRepository,
        PaymentLifecycle,
        PaymentsService,
        PaymentRequestsConsumer,
        IpnService,
        ReturnViewService,
        ReconciliationService,
        ReconciliationProcessor,
        ...(simulator ? [SimulatorStore, SimulatorService] : []),
      ],
    };
  }
}
