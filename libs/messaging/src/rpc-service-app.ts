import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestMicroservice } from '@nestjs/microservices';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { RpcCorrelationInterceptor, recordRouteTemplates } from '@dvc/observability';
import { RpcAckInterceptor } from './rpc-ack';
import { RpcDomainExceptionFilter } from './rpc-exception.filter';
import { RpcTransportConfig, rpcServerOptions } from './rmq-options';

export interface RpcServiceAppOptions {
  /** Root module of the service (already configured). */
  module: Type | DynamicModule;
  config: RpcTransportConfig & { HTTP_PORT: number; HTTP_HOST?: string };
  /** Its RPC queue, from RpcQueues. */
  queue: string;
}

/**
 * A DVC service process: an RMQ RPC server on its queue (acks after the reply, domain
 * errors mapped once, correlation ids in logs) plus a small HTTP server for
 * /health, /metrics and any internal streams. Returns the started app.
 */
export async function startRpcServiceApp(options: RpcServiceAppOptions): Promise<INestApplication> {
  const adapter = new FastifyAdapter();
  recordRouteTemplates(adapter);
  const app = await NestFactory.create<NestFastifyApplication>(
    options.module,
    adapter,
    // Throw instead of process.exit() on a wiring error: main.ts exits, tests see the cause.
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Deferred: a connected microservice wires its handlers at once unless told not to, and
  // global enhancers added after that are ignored (no acks, no problem mapping). The app's
  // own init runs the lifecycle hooks, so the microservice must not run them a second time.
  const rpc = app.connectMicroservice(rpcServerOptions(options.config, options.queue), {
    deferInitialization: true,
  }) as NestMicroservice;
  rpc.useGlobalInterceptors(app.get(RpcCorrelationInterceptor), new RpcAckInterceptor());
  rpc.useGlobalFilters(new RpcDomainExceptionFilter());
  rpc.setIsInitHookCalled(true);
  await app.startAllMicroservices();
  await app.listen(options.config.HTTP_PORT, options.config.HTTP_HOST ?? '127.0.0.1');
  return app;
}
