import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyStaticOptions } from '@fastify/static'; // also types reply.sendFile
import type { FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The web portal's pages (apps/portal, built by Vite into dist/portal): no inline scripts, no
 * eval, nothing from other origins. Styles allow 'unsafe-inline' because Ant Design writes its
 * CSS-in-JS into <style> elements at run time; blob: is for viewing the user's own files.
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
  "worker-src 'self'",
].join('; ');

/** Vite's content-hashed output: a new build gets new names, so these never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and unhashed files: always revalidate, so a deploy is seen at once. */
const REVALIDATE = 'no-cache';

/** Paths that belong to the API and the ops endpoints, never to the portal's client routes. */
const NOT_PORTAL = /^\/(api|docs|docs-json|health|metrics)(\/|$)/;

/**
 * dist/portal of this checkout, when built: the repository root is the nearest folder above
 * this file with a package.json (the same from source under ts-jest and from dist/ when built).
 */
export function builtPortalDir(): string | null {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  const portal = join(dir, 'dist', 'portal');
  return existsSync(join(portal, 'index.html')) ? portal : null;
}

/** A client route of the SPA: a GET for a page (text/html), not an API or ops path. */
export function isPortalPage(url: string, accept: string | undefined): boolean {
  const path = url.split('?')[0];
  return !NOT_PORTAL.test(path) && (accept ?? '').includes('text/html');
}

/**
 * Serves the built portal at `/` with @fastify/static: its files with long-lived caching for
 * hashed assets, index.html (with the CSP) for every other page address so that the portal's
 * own router answers deep links (/ho-so/…, /activate?token=…). Anything else falls through to
 * the API's problem+json 404.
 */
export async function servePortal(app: NestFastifyApplication, root: string): Promise<boolean> {
  const fastifyStatic = await import('@fastify/static').then(
    (m) => m.default,
    (err: unknown) => {
      // Jest cannot load @fastify/static's ESM-only dependency (see setupOpenApi in app.ts).
      Logger.warn(`Portal not served: ${(err as Error).message.split('\n')[0]}`, 'Portal');
      return null;
    },
  );
  if (!fastifyStatic) return false;
  const fastify = app.getHttpAdapter().getInstance();
  const options: FastifyStaticOptions = {
    root,
    prefix: '/',
    // One route per built file, found at start-up; the SPA fallback below takes the rest.
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    serveDotFiles: false,
    setHeaders: (reply: FastifyReply, path: string) => {
      const hashed = /[\\/]assets[\\/]/.test(path);
      reply.header('cache-control', hashed ? IMMUTABLE : REVALIDATE);
      if (path.endsWith('.html')) reply.header('content-security-policy', PORTAL_CSP);
    },
  };
  // Cast: Nest's register() is typed against its own copy of the fastify types.
  await app.register(fastifyStatic as unknown as Parameters<typeof app.register>[0], options);
  fastify.get('/*', (request, reply) => {
    if (!isPortalPage(request.url, request.headers.accept)) return reply.callNotFound();
    // Cast: reply.sendFile is declared on the root fastify types, Nest's instance has its own copy.
    return (reply as unknown as FastifyReply).sendFile('index.html');
  });
  Logger.log(`Portal served from ${root}`, 'Portal');
  return true;
}
