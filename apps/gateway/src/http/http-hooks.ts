import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { correlationIdOf } from '@dvc/observability';

/**
 * Fastify's request id is the correlation id: the caller's X-Request-Id when sane, else a
 * new one. It is also set on the raw request, where pino-http takes it for the log lines.
 */
export function requestIdOf(req: IncomingMessage): string {
  const id = correlationIdOf(req);
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  // API answers hold personal data unless a route says otherwise (the public catalogue does).
  'cache-control': 'no-store',
};

/**
 * Headers on every answer, errors and 404s included: X-Request-Id echoed, the browser
 * security headers (@fastify/helmet is not a dependency), HSTS in production where TLS ends
 * in front of the gateway. Bodies other than JSON are refused (415).
 */
export function installHttpHooks(
  app: NestFastifyApplication,
  options: { production: boolean },
): void {
  const fastify = app.getHttpAdapter().getInstance();
  const headers = options.production
    ? { ...SECURITY_HEADERS, 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
    : SECURITY_HEADERS;
  // JSON only: a text/plain body is what a cross-site form can send without a CORS preflight.
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    for (const [name, value] of Object.entries(headers)) {
      if (!reply.hasHeader(name)) reply.header(name, value);
    }
    done(null, payload);
  });
}
