import {
  Controller,
  DynamicModule,
  Get,
  Inject,
  MiddlewareConsumer,
  Module,
  NestModule,
} from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckError,
  HealthCheckService,
  HealthIndicatorResult,
  TerminusModule,
} from '@nestjs/terminus';
import { HttpMetricsMiddleware, MetricsController } from './metrics';

/** A readiness dependency: resolves when reachable, throws (with a reason) when not. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

async function run(check: ReadinessCheck, timeoutMs: number): Promise<HealthIndicatorResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check.check(), deadline]);
    return { [check.name]: { status: 'up' } };
  } catch (err) {
    throw new HealthCheckError(check.name, {
      [check.name]: { status: 'down', message: (err as Error).message },
    });
  } finally {
    clearTimeout(timer);
  }
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  /** The process is up and its event loop turns. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Every dependency this app needs answers (503 with the failing ones otherwise). */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(this.checks.map((c) => () => run(c, 2000)));
  }
}

export interface ReadinessChecksFactory {
  inject: (string | symbol | Function)[]; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  useFactory: (...deps: never[]) => ReadinessCheck[];
}

/** /health/live, /health/ready and /metrics at the root of an app. */
@Module({})
export class OpsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }

  static forRoot(checks: ReadinessChecksFactory): DynamicModule {
    return {
      module: OpsModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: READINESS_CHECKS, inject: checks.inject, useFactory: checks.useFactory },
      ],
    };
  }
}
