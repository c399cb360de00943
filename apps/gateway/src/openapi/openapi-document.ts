import { RequestMethod, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { GatewayConfig } from '../gateway.config';
import { GatewayModule } from '../gateway.module';

export const API_PREFIX = 'api/v1';

/** Ops routes live at the root of the app, outside the API prefix. */
export const ROOT_ROUTES = [
  { path: 'health/live', method: RequestMethod.GET },
  { path: 'health/ready', method: RequestMethod.GET },
  { path: 'metrics', method: RequestMethod.GET },
];

/** The public API described by the controllers' decorators (served at /docs-json). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('DVC — Cổng Dịch vụ công')
    .setDescription(
      'API công khai của Cổng Dịch vụ công / Public API of the online public-service portal. ' +
        'Lỗi trả về dạng application/problem+json (RFC 9457) / Errors are application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addTag('Xác thực / Auth', 'Đăng ký, đăng nhập, mật khẩu / Registration, sessions, passwords')
    .addTag('Tài khoản / Me', 'Tài khoản của tôi / The signed-in account')
    .addTag(
      'Thủ tục hành chính / Catalogue',
      'Danh mục thủ tục, cơ quan, lĩnh vực / Procedures, agencies, fields',
    )
    .addTag(
      'Quản trị / Admin',
      'Quản trị danh mục (vai trò admin) / Catalogue administration (admin role)',
    )
    .build();
  return SwaggerModule.createDocument(app, info);
}

/**
 * The same document without a running gateway: Nest's preview mode builds the module graph
 * without instantiating providers, so no Redis, RabbitMQ or port is touched
 * (`npm run api:generate` writes it for the portal's generated types).
 */
export async function openApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(
    GatewayModule.forRoot(new GatewayConfig()),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix(API_PREFIX, { exclude: ROOT_ROUTES });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
