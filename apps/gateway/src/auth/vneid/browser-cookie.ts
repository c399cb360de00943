import type { FastifyRequest } from 'fastify';
import { PENDING_LOGIN_TTL_SECONDS } from './pending-logins';

/** The cookie that binds a VNeID login to the browser that started it. */
const NAME = 'dvc_vneid';
const PATH = '/api/v1/auth/oidc';

export function loginCookie(browserKey: string, secure: boolean): string {
  return [
    `${NAME}=${browserKey}`,
    `Path=${PATH}`,
    `Max-Age=${PENDING_LOGIN_TTL_SECONDS}`,
    'HttpOnly',
    // Lax: the cookie comes back on VNeID's top-level redirect to the callback.
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function expiredLoginCookie(): string {
  return `${NAME}=; Path=${PATH}; Max-Age=0; HttpOnly; SameSite=Lax`;
}

export function loginCookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === NAME) return value.join('=') || undefined;
  }
  return undefined;
}
