import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthErrors, DomainError, TokenPair } from '@dvc/contracts';

/**
 * The portal's refresh token lives in this cookie, never in page script or storage: HttpOnly
 * (script cannot read it), SameSite=Strict (no other site's page or link sends it), Secure
 * whenever the portal is served over https, and sent only to /api/v1/auth (login, refresh,
 * logout). A browser session cookie: closing the browser ends it, a new tab keeps it.
 */
export const REFRESH_COOKIE = 'dvc_refresh';
const PATH = '/api/v1/auth';

/** The portal asks for the cookie with this header; other API clients keep the token in the body. */
export const SESSION_MODE_HEADER = 'x-dvc-session';

/** What a login answers the portal: the refresh token went into the cookie. */
export type CookieSessionView = Omit<TokenPair, 'refreshToken'>;

function attributes(secure: boolean): string[] {
  return [`Path=${PATH}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];
}

export function wantsCookie(request: FastifyRequest): boolean {
  return request.headers[SESSION_MODE_HEADER] === 'cookie';
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

/**
 * Hands the pair to the caller: the portal (SESSION_MODE_HEADER) gets the refresh token as the
 * cookie and only the access token in the body; any other client the pair as before.
 */
export function deliverTokens(
  request: FastifyRequest,
  reply: FastifyReply,
  pair: TokenPair,
  secure: boolean,
): TokenPair | CookieSessionView {
  if (!wantsCookie(request) && !refreshCookieOf(request)) return pair;
  const { refreshToken, ...rest } = pair;
  void reply.header(
    'Set-Cookie',
    [`${REFRESH_COOKIE}=${refreshToken}`, ...attributes(secure)].join('; '),
  );
  void reply.header('Cache-Control', 'no-store');
  return rest;
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  void reply.header(
    'Set-Cookie',
    [`${REFRESH_COOKIE}=`, 'Max-Age=0', ...attributes(secure)].join('; '),
  );
}

/**
 * Defence in depth beside SameSite=Strict: a call that relies on the cookie must come from a
 * page of the portal itself. Browsers send Origin on every cross-site POST; a request without
 * one is not from a browser page, and without the cookie nothing is at stake.
 */
export function assertSameOrigin(request: FastifyRequest, publicUrl: string): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const host = request.headers.host;
  const allowed =
    origin === new URL(publicUrl).origin || (host !== undefined && originHost(origin) === host);
  if (!allowed) throw new DomainError(AuthErrors.crossOrigin);
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
