import i18n from 'i18next';
import type { PostAnswer } from './client';
import { session } from '../auth/session';
import { ApiProblem, problemFromBody } from './problem';

export const API_BASE = '/api/v1';

type ExpiredListener = () => void;
const expiredListeners = new Set<ExpiredListener>();

/** Called when a signed-in call could not be renewed: the UI sends the user to login and back. */
export function onSessionExpired(listener: ExpiredListener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

let refreshing: Promise<boolean> | null = null;

/** The gateway answers logins with the refresh token as an HttpOnly cookie (not in the body). */
const COOKIE_SESSION = { 'x-dvc-session': 'cookie' };

/**
 * One renewal at a time across the browser's tabs: refresh tokens rotate and a second use of
 * the same one is treated as theft (the whole session is revoked). Inside the lock the cookie
 * is the newest, whichever tab rotated it last.
 */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('dvc.refresh', work) : work();
}

/** Renews the access token from the refresh cookie (which rotates). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= oneAtATime(async () => {
    if (!session.renewable) return false;
    const response = await fetch(`${API_BASE}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...COOKIE_SESSION },
      body: '{}',
      credentials: 'same-origin',
    });
    if (!response.ok) {
      // 5xx: the session may still be good; keep the token for the next try.
      if (response.status < 500) session.end();
      return false;
    }
    session.start((await response.json()) as PostAnswer<'/api/v1/auth/refresh'>);
    return true;
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** The language the person chose: the API words its error messages in it. */
export function languageHeaders(): Record<string, string> {
  return { 'accept-language': i18n.language === 'en' ? 'en' : 'vi' };
}

export function authHeaders(): Record<string, string> {
  const token = session.access;
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * fetch() on the API with the access token; a 401 renews the session once and retries,
 * and when that fails the session is over (listeners send the user to login).
 */
export async function sessionFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const send = (r: Request) => {
    const headers = { ...languageHeaders(), ...authHeaders(), ...COOKIE_SESSION };
    for (const [name, value] of Object.entries(headers)) {
      if (!r.headers.has(name)) r.headers.set(name, value);
    }
    return fetch(r);
  };
  // A 401 from /auth/* (wrong password, bad refresh token) is an answer, not an expired session.
  const path = new URL(request.url, window.location.href).pathname;
  const renewable = !path.startsWith(`${API_BASE}/auth/`) && session.renewable;
  let response = await send(request);
  if (response.status === 401 && renewable) {
    if (await refreshSession()) {
      response = await send(retry);
    }
    if (response.status === 401) {
      session.end();
      for (const listener of expiredListeners) listener();
    }
  }
  return response;
}

/** sessionFetch() on a path of the API (file downloads; JSON calls go through `client`). */
export function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return sessionFetch(new Request(new URL(`${API_BASE}${path}`, window.location.href), init));
}

export async function ensureOk(response: Response): Promise<Response> {
  if (response.ok) return response;
  throw problemFromBody(response.status, await response.text());
}

export { ApiProblem };
