import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@dvc/config';
import { RedisModule, serviceDataSourceOptions } from '@dvc/database';
import { AmqpConnection, MessagingModule } from '@dvc/messaging';
import { LoggingModule, OpsModule, amqpCheck, postgresCheck, redisCheck } from '@dvc/observability';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsRepository } from './attachments/attachments.repository';
import { AttachmentsService } from './attachments/attachments.service';
import { CalendarSource } from './calendar/calendar-source';
import { DossierCodes } from './codes/dossier-code';
import { DeadlineWarnings } from './deadlines/deadline-warnings';
import { DEADLINE_QUEUE, DeadlineWarningsProcessor } from './deadlines/deadline-warnings.processor';
import { DossierConfig } from './dossier.config';
import { DossierEvents } from './dossiers/dossier-events';
import { DossierViews } from './dossiers/dossier-views';
import { DossierWorkflow } from './dossiers/dossier-workflow';
import { DossiersController } from './dossiers/dossiers.controller';
import { DossiersRepository } from './dossiers/dossiers.repository';
import { DossiersService } from './dossiers/dossiers.service';
import { FeedbackController } from './feedback/feedback.controller';
import { FeedbackRepository } from './feedback/feedback.repository';
import { FeedbackService } from './feedback/feedback.service';
import { FormValidator } from './forms/form-validator';
import { SubmitReplays } from './idempotency/submit-replays';
import { LookupThrottle } from './lookup/lookup-throttle';
import { PublicLookupController } from './lookup/public-lookup.controller';
import { PublicLookupService } from './lookup/public-lookup.service';
import { MinistryCommandsConsumer } from './commands/ministry-commands.consumer';
import { MinistryCommandsService } from './commands/ministry-commands.service';
import { migrations } from './migrations';
import { ApplicantDirectory, RpcApplicantDirectory } from './neighbours/applicant-directory';
import { CaptchaChecker, RpcCaptchaChecker } from './neighbours/captcha-checker';
import { FileStore, RpcFileStore } from './neighbours/file-store';
import { neighbourClients } from './neighbours/neighbour-clients';
import { ProcedureDirectory, RpcProcedureDirectory } from './neighbours/procedure-directory';
import { AgencyActions } from './processing/agency-actions';
import { ApologiesRepository } from './letters/apologies.repository';
import { DossierLetters } from './letters/dossier-letters';
import { OfficerController } from './processing/officer.controller';
import { OfficerService } from './processing/officer.service';
import {
  AgencyStatsController,
  AgencyStatsRepository,
  AgencyStatsService,
} from './stats/agency-stats';
import { StatusTallies } from './stats/status-tallies';
import { ResultsRepository } from './results/results.repository';
import { PingController } from './ops/ping.controller';
import { PaymentEventsConsumer } from './payments/payment-events.consumer';
import { RatingsController } from './ratings/ratings.controller';
import { RatingsRepository } from './ratings/ratings.repository';
import { RatingsService } from './ratings/ratings.service';
import { ScoresController } from './scores/scores.controller';
import { ScoresEventsConsumer } from './scores/scores-events.consumer';
import { ScoresRepository } from './scores/scores.repository';
import { ScoresService } from './scores/scores.service';

/** The dossier service: drafts, submission, officer processing, ministry commands, public lookup. */
@Module({})
export class DossierModule {
  static forRoot(config: DossierConfig): DynamicModule {
    return {
      module: DossierModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('dossier', config.LOG_LEVEL),
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: config.DATABASE_URL,
            schema: config.DB_SCHEMA,
            migrations,
          }),
        ),
        MessagingModule.forRoot({ service: 'dossier' }),
        RedisModule.forRoot('dossier'),
        BullModule.forRoot({ url: config.REDIS_URL, prefix: `${config.REDIS_PREFIX}bull` }),
        BullModule.registerQueue({ name: DEADLINE_QUEUE }),
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
        AgencyStatsController,
        DossiersController,
        AttachmentsController,
        OfficerController,
        PublicLookupController,
        RatingsController,
        FeedbackController,
        ScoresController,
        PingController,
      ],
      providers: [
        ...neighbourClients,
        { provide: ProcedureDirectory, useClass: RpcProcedureDirectory },
        { provide: ApplicantDirectory, useClass: RpcApplicantDirectory },
        { provide: FileStore, useClass: RpcFileStore },
        { provide: CaptchaChecker, useClass: RpcCaptchaChecker },
        CalendarSource,
        FormValidator,
        DossierCodes,
        SubmitReplays,
        DossiersRepository,
        AttachmentsRepository,
        ResultsRepository,
        DossierViews,
        DossierEvents,
        DossierWorkflow,
        AgencyActions,
        DossierLetters,
        ApologiesRepository,
        DossiersService,
        AttachmentsService,
        OfficerService,
        AgencyStatsRepository,
        AgencyStatsService,
        StatusTallies,
        RatingsRepository,
        RatingsService,
        FeedbackRepository,
        FeedbackService,
        LookupThrottle,
        PublicLookupService,
        PaymentEventsConsumer,
        ScoresRepository,
        ScoresService,
        ScoresEventsConsumer,
        MinistryCommandsService,
        MinistryCommandsConsumer,
        DeadlineWarnings,
        DeadlineWarningsProcessor,
      ],
    };
  }
}
