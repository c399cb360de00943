import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';

/**
 * What a request log line says about the request: the route template (`/api/v1/dossiers/:id`,
 * never the ids, codes or keys in the path) and the query with every value redacted but those
 * of an allow-list. Public lookup keys, officers' searches by name or ID number and tokens
 * therefore never reach the logs.
 */

/** Query parameters whose values are safe to log: paging and closed-list filters. */
export const LOGGED_QUERY_PARAMS: ReadonlySet<string> = new Set([
  'page',
  'pageSize',
  'status',
  'level',
  'field',
  'agency',
  'unread',
  'overdue',
  'period',
  'format',
  'sort',
]);

export const REDACTED = '[redacted]';

/** Route of a request no route served (404s, scanners). */
export const NO_ROUTE = '(no route)';

const ROUTE_TEMPLATE = Symbol.for('dvc.routeTemplate');
type Routed = IncomingMessage & { [ROUTE_TEMPLATE]?: string };

/**
 * Records on every raw request the template of the route that serves it (for logs, metrics).
 * Call it on the adapter before the app is created: this hook must run before the
 * middleware (pino-http serializes the request when it starts).
 */
export function recordRouteTemplates(adapter: FastifyAdapter): void {
  adapter.getInstance().addHook('onRequest', (request, _reply, done) => {
    (request.raw as Routed)[ROUTE_TEMPLATE] = request.routeOptions.url;
    done();
  });
}

export function routeTemplateOf(raw: IncomingMessage): string | undefined {
  return (raw as Routed)[ROUTE_TEMPLATE];
}

export interface LoggedRequest {
  method: string;
  route: string;
  query?: Record<string, string>;
}

export function loggedRequest(raw: IncomingMessage): LoggedRequest {
  const method = raw.method ?? 'GET';
  const route = routeTemplateOf(raw) ?? NO_ROUTE;
  const url = (raw as IncomingMessage & { originalUrl?: string }).originalUrl ?? raw.url ?? '';
  const index = url.indexOf('?');
  if (index < 0) return { method, route };
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(url.slice(index + 1))) {
    query[name] = LOGGED_QUERY_PARAMS.has(name) ? value.slice(0, 64) : REDACTED;
  }
  return { method, route, query };
}
