import {
  CallHandler,
  DynamicModule,
  ExecutionContext,
  Injectable,
  Module,
  NestInterceptor,
  RequestMethod,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { Store, storage } from 'nestjs-pino/storage';
import { Observable } from 'rxjs';
import type { RpcRequest } from '@dvc/contracts';
import { loggedRequest } from './request-line';

export const CORRELATION_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes the caller's X-Request-Id when it is sane, otherwise makes one. */
export function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers[CORRELATION_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/**
 * The level of a request's log line. One line per answered request was the busiest thing the
 * apps and the launcher's log pipe did at `info`, and /metrics counts and times every request
 * anyway: failures and refusals stay visible, successes are `debug`.
 */
export function requestLogLevel(
  _req: IncomingMessage,
  res: ServerResponse,
  err?: Error,
): 'error' | 'info' | 'debug' {
  if (err || res.statusCode >= 500) return 'error';
  return res.statusCode >= 400 ? 'info' : 'debug';
}

/**
 * pino JSON logs; every HTTP log line carries the request's correlation id (`reqId`), its
 * route template and its redacted query (request-line.ts), never the URL as sent.
 */
function loggerModule(service: string, level: string, destination?: DestinationStream) {
  const options = {
    level,
    base: { service },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = correlationIdOf(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: requestLogLevel,
    customProps: (req: IncomingMessage) => ({
      correlationId: (req as IncomingMessage & { id?: string }).id,
    }),
    // Probes and scrapes every few seconds would drown the log. Fastify's middleware layer
    // may rewrite req.url relative to the mount point; originalUrl keeps the full path.
    autoLogging: {
      ignore: (req: IncomingMessage & { originalUrl?: string }) =>
        /^\/(health|metrics)(\/|$|\?)/.test(req.originalUrl ?? req.url ?? ''),
    },
    redact: [
      'req.headers.authorization',
      'req.headers.cookie',
      '*.password',
      '*.token',
      '*.refreshToken',
    ],
    serializers: {
      req: (req: { raw: IncomingMessage }) => loggedRequest(req.raw),
    },
  };
  return LoggerModule.forRoot({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: destination ? [options, destination] : options,
  });
}

/**
 * RPC handlers run with a logger bound to the request's correlation id, so a line logged
 * in a service can be joined with the gateway's line for the same request.
 */
@Injectable()
export class RpcCorrelationInterceptor implements NestInterceptor {
  constructor(private readonly logger: PinoLogger) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const request = context.switchToRpc().getData<RpcRequest>();
    const pattern = context.getHandler().name;
    const child = this.logger.logger.child({
      correlationId: request?.correlationId ?? null,
      rpc: pattern,
    });
    return new Observable((subscriber) =>
      storage.run(new Store(child), () => next.handle().subscribe(subscriber)),
    );
  }
}

/** Structured logging for one app: pino for HTTP and RPC, with correlation ids. */
@Module({})
export class LoggingModule {
  /** `destination`: where the lines go (stdout when absent; tests read them). */
  static forRoot(service: string, level: string, destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      global: true,
      imports: [loggerModule(service, level, destination)],
      providers: [RpcCorrelationInterceptor],
      exports: [RpcCorrelationInterceptor],
    };
  }
}
