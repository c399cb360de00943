import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import fastifyMultipart from '@fastify/multipart';
import { Logger } from 'nestjs-pino';
import { recordRouteTemplates } from '@dvc/observability';
import type { DestinationStream } from 'pino';
import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { installHttpHooks, requestIdOf } from './http/http-hooks';
import { revalidation } from './http/revalidation';
import { API_PREFIX, ROOT_ROUTES, createOpenApiDocument } from './openapi/openapi-document';
import { builtPortalDir, servePortal } from './portal/portal-static';

/** JSON bodies; files will stream to document-storage on their own routes. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the gateway (Fastify) and listens on HTTP_PORT: `/api/v1` for the REST API,
 * `/docs` for OpenAPI, `/health/*` and `/metrics` at the root. Used by main.ts and by tests.
 */
export async function startGateway(
  config: GatewayConfig,
  options: {
    /** The built web portal to serve at `/` (dist/portal when found); null: API only. */
    portalDir?: string | null;
    /** Where log lines go (stdout when absent). */
    logDestination?: DestinationStream;
  } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdOf,
    trustProxy: config.TRUST_PROXY_HOPS > 0 ? config.TRUST_PROXY_HOPS : false,
  });
  recordRouteTemplates(adapter);
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.forRoot(config, options.logDestination),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
      // Fastify's own JSON parser only (body limit, __proto__/constructor poisoning refused);
      // Nest would add a urlencoded one, i.e. bodies a cross-site form can post.
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  // Files stream through (document-storage enforces the caps again); the limits here stop
  // a client from sending many files or huge text fields in one request.
  // Cast: Nest's register() is typed against its own copy of the fastify types.
  await app.register(fastifyMultipart as unknown as Parameters<typeof app.register>[0], {
    limits: {
      files: 1,
      fields: 10,
      fieldSize: 16 * 1024,
      parts: 12,
      fileSize: config.MAX_FILE_BYTES + 1,
    },
  });
  installHttpHooks(app, { production: config.isProduction });
  app.getHttpAdapter().getInstance().addHook('onSend', revalidation);
  const portalDir = options.portalDir === undefined ? builtPortalDir() : options.portalDir;
  if (portalDir) await servePortal(app, portalDir);
  app.setGlobalPrefix(API_PREFIX, { exclude: ROOT_ROUTES });
  const origins = config.corsOrigins;
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Idempotency-Key'],
      exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
      maxAge: 600,
    });
  }
  await setupOpenApi(app);
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  return app;
}

/**
 * OpenAPI document at /docs-json; Swagger UI at /docs when its static files can be served.
 * They need @fastify/static (only a transitive dependency today), which Nest loads with a
 * process.exit when it is missing, and whose ESM-only dependencies Jest cannot require.
 */
async function setupOpenApi(app: NestFastifyApplication): Promise<void> {
  const ui = await import('@fastify/static').then(
    () => true,
    (err: unknown) => {
      NestLogger.warn(
        `Swagger UI off, /docs-json only: ${(err as Error).message.split('\n')[0]}`,
        'OpenApi',
      );
      return false;
    },
  );
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    ui,
  });
}
