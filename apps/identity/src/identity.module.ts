import { DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@dvc/config';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@dvc/contracts';
import { RedisModule, serviceDataSourceOptions } from '@dvc/database';
import { AmqpConnection, MessagingModule } from '@dvc/messaging';
import { LoggingModule, OpsModule, amqpCheck, postgresCheck, redisCheck } from '@dvc/observability';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsRepository } from './accounts/accounts.repository';
import { AccountsService } from './accounts/accounts.service';
import { CaptchaController } from './captcha/captcha.controller';
import { CaptchaService } from './captcha/captcha.service';
import { IdentityConfig } from './identity.config';
import { migrations } from './migrations';
import { PingController } from './ops/ping.controller';
import { PasswordHasher } from './passwords/password-hasher';
import { PasswordsController } from './passwords/passwords.controller';
import { PasswordLinks } from './passwords/password-links';
import { PasswordsService } from './passwords/passwords.service';
import { SessionRevocations } from './sessions/session-revocations';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { LoginThrottle } from './throttling/login-throttle.service';
import { EmailTokensRepository } from './tokens/tokens.repository';
import { EmailTokensService } from './tokens/tokens.service';
import { TokenSeal } from './tokens/token-seal';
import { ExchangeCodes } from './vneid/exchange-codes';
import { VneidLinksRepository } from './vneid/vneid-links.repository';
import { VneidController } from './vneid/vneid.controller';
import { VneidService } from './vneid/vneid.service';

/** The identity service: accounts, sessions, email tokens, captcha and login throttling. */
@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('identity', config.LOG_LEVEL),
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: config.DATABASE_URL,
            schema: config.DB_SCHEMA,
            migrations,
          }),
        ),
        MessagingModule.forRoot({ service: 'identity' }),
        RedisModule.forRoot('identity'),
        JwtModule.register({
          secret: config.JWT_SECRET,
          signOptions: {
            algorithm: 'HS256',
            expiresIn: config.ACCESS_TOKEN_TTL_SECONDS,
            issuer: ACCESS_TOKEN_ISSUER,
            audience: ACCESS_TOKEN_AUDIENCE,
          },
        }),
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
        AccountsController,
        SessionsController,
        PasswordsController,
        CaptchaController,
        VneidController,
        PingController,
      ],
      providers: [
        AccountsService,
        PasswordLinks,
        AccountsRepository,
        SessionsService,
        SessionsRepository,
        SessionRevocations,
        PasswordsService,
        PasswordHasher,
        EmailTokensService,
        EmailTokensRepository,
        TokenSeal,
        CaptchaService,
        LoginThrottle,
        VneidService,
        VneidLinksRepository,
        ExchangeCodes,
      ],
    };
  }
}
