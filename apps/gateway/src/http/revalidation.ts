import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The parts of Fastify's request and reply the hook uses. */
interface Request {
  method: string;
  headers: IncomingHttpHeaders;
}
interface Reply {
  statusCode: number;
  getHeader(name: string): unknown;
  hasHeader(name: string): boolean;
  header(name: string, value: string): unknown;
  code(status: number): unknown;
}

/**
 * Public answers a browser or a proxy may keep (`Cache-Control: public`, the catalogue's reads)
 * carry an ETag, a hash of their bytes; a request whose If-None-Match names it gets 304 with no
 * body. The gateway still asks the service, but nothing is sent again to a client that has it.
 * A Fastify `onSend` hook.
 */
export function revalidation(
  request: Request,
  reply: Reply,
  payload: unknown,
  done: (err: null, payload: unknown) => void,
): void {
  const cacheControl = reply.getHeader('cache-control');
  if (
    request.method !== 'GET' ||
    reply.statusCode !== 200 ||
    typeof payload !== 'string' ||
    typeof cacheControl !== 'string' ||
    !cacheControl.startsWith('public') ||
    reply.hasHeader('etag')
  ) {
    return done(null, payload);
  }
  const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
  reply.header('etag', etag);
  if (!matches(request.headers['if-none-match'], etag)) return done(null, payload);
  reply.code(304);
  done(null, '');
}

/** If-None-Match: `*`, or a list of tags, weak ones (`W/"…"`) comparing equal to strong. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
