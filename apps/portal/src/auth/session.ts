import type { Role, TokenPair } from '@dvc/contracts';

/**
 * Only a hint, not a secret: this browser had a session, so the refresh cookie may renew it
 * (a new tab asks; a visitor who never signed in does not). Shared by the browser's tabs.
 */
const HINT_KEY = 'dvc.signedIn';

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
 * The signed-in session: the access token in memory only, the refresh token in an HttpOnly,
 * SameSite=Strict cookie the gateway sets (script never sees it), so a reload or a new tab
 * renews the session from the cookie and an XSS finds no token in storage.
 * The JWT's claims are read for the UI (menus by role); the gateway verifies them.
 */
class Session {
  private accessToken: string | null = null;
  private state: SessionState;
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.state = readHint() ? { status: 'restoring' } : { status: 'anonymous' };
    // Signed out in another tab: this one is signed out too.
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (event) => {
        if (
          event.key === HINT_KEY &&
          event.newValue === null &&
          this.state.status !== 'anonymous'
        ) {
          this.accessToken = null;
          this.set({ status: 'anonymous' });
        }
      });
    }
  }

  get access(): string | null {
    return this.accessToken;
  }

  /** Whether the refresh cookie may renew the session (worth asking the gateway). */
  get renewable(): boolean {
    return this.accessToken !== null || readHint();
  }

  get snapshot(): SessionState {
    return this.state;
  }

  start(pair: Pick<TokenPair, 'accessToken'>): void {
    this.accessToken = pair.accessToken;
    try {
      localStorage.setItem(HINT_KEY, '1');
    } catch {
      // storage disabled: this tab still works; a new one signs in again
    }
    this.set({ status: 'authenticated', user: userOf(pair.accessToken) });
  }

  end(): void {
    this.accessToken = null;
    try {
      localStorage.removeItem(HINT_KEY);
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

function readHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
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
