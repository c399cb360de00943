import type { DestinationStream } from 'pino';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { ConfigModule } from '@dvc/config';
import { LoggingModule, OpsModule } from '@dvc/observability';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { RolesGuard } from './auth/roles.guard';
import { CatalogueModule } from './catalogue/catalogue.module';
import { DossiersModule } from './dossiers/dossiers.module';
import { FeedbackModule } from './feedback/feedback.module';
import { GatewayConfig } from './gateway.config';
import { gatewayReadiness } from './health/readiness';
import { MeModule } from './me/me.module';
import { NationalSyncModule } from './national-sync/national-sync.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PaymentsModule } from './payments/payments.module';
import { ProblemFilter } from './problems/problem.filter';
import { createValidationPipe } from './problems/validation.pipe';
import { RateLimitGuard, rateLimitOptions } from './rate-limit/rate-limit';
import { OpsTokenGuard } from './health/ops-token.guard';
import { RpcModule } from './rpc/rpc.module';
import { RedisModule } from '@dvc/database';

/**
 * The gateway: wiring only. Global guards run in this order: rate limit (per IP, before
 * anything costs), JWT (every route unless @Public), roles. Every error leaves through
 * ProblemFilter; every input through the validation pipe.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('gateway', config.LOG_LEVEL, logDestination),
        RedisModule.forRoot('gateway'),
        RpcModule,
        ThrottlerModule.forRootAsync({
          inject: [GatewayConfig, Redis],
          useFactory: (c: GatewayConfig, redis: Redis) => rateLimitOptions(c, redis),
        }),
        OpsModule.forRoot(gatewayReadiness),
        AuthModule,
        MeModule,
        NationalSyncModule,
        CatalogueModule,
        DossiersModule,
        FeedbackModule,
        NotificationsModule,
        PaymentsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: OpsTokenGuard },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
