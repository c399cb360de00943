import type { Role, TokenPair } from '@dvc/contracts';

/** Kept per tab: closing the tab ends the session; the access token never touches storage. */
const REFRESH_KEY = 'dvc.refreshToken';

export interface SessionUser {
  accountId: string;
  roles: Role[];
  agencies: string[];
}

export type SessionState =
  | { status: 'restoring' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: SessionUser };

/**
 * The signed-in session: the access token in memory only (an XSS cannot read it from
 * storage after a reload), the refresh token in sessionStorage so a reload stays signed in.
 * The JWT's claims are read for the UI (menus by role); the gateway verifies them.
 */
class Session {
  private accessToken: string | null = null;
  private state: SessionState;
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.state = readRefreshToken() ? { status: 'restoring' } : { status: 'anonymous' };
  }

  get access(): string | null {
    return this.accessToken;
  }

  get refresh(): string | null {
    return readRefreshToken();
  }

  get snapshot(): SessionState {
    return this.state;
  }

  start(pair: Pick<TokenPair, 'accessToken' | 'refreshToken'>): void {
    this.accessToken = pair.accessToken;
    try {
      sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
    } catch {
      // storage disabled (private mode quotas): the session lasts until the tab reloads
    }
    this.set({ status: 'authenticated', user: userOf(pair.accessToken) });
  }

  end(): void {
    this.accessToken = null;
    try {
      sessionStorage.removeItem(REFRESH_KEY);
    } catch {
      // nothing stored
    }
    this.set({ status: 'anonymous' });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionState => this.state;

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

function readRefreshToken(): string | null {
  try {
    return sessionStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
}

/** The claims of an access JWT (not verified here: only to decide what the UI shows). */
export function userOf(accessToken: string): SessionUser {
  const payload = accessToken.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  const claims = JSON.parse(new TextDecoder().decode(bytes)) as {
    sub?: string;
    roles?: Role[];
    agencies?: string[];
  };
  return {
    accountId: claims.sub ?? '',
    roles: Array.isArray(claims.roles) ? claims.roles : [],
    agencies: Array.isArray(claims.agencies) ? claims.agencies : [],
  };
}

export const session = new Session();
