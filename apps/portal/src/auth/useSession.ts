import { useSyncExternalStore } from 'react';
import type { Role } from '@dvc/contracts';
import { session, type SessionState } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

export function hasRole(state: SessionState, role: Role): boolean {
  return state.status === 'authenticated' && state.user.roles.includes(role);
}

/** Where "Đăng nhập" should come back to: the page the user is on. */
export function loginPath(returnUrl?: string): string {
  return returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/dang-nhap')
    ? `/dang-nhap?returnUrl=${encodeURIComponent(returnUrl)}`
    : '/dang-nhap';
}

/** Only a path of this portal is a return address (never another site). */
export function safeReturnUrl(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value;
}
