import type {
  CaptchaView,
  PersonalDocumentType,
  PersonalDocumentView,
  ProfileView,
  TokenPair,
} from '@dvc/contracts';
import { api, refreshSession } from '../api/http';
import { session } from '../auth/session';

export interface RegisterInput {
  email: string;
  password: string;
  fullName: string;
  phone?: string;
  idNumber?: string;
  locale?: 'vi' | 'en';
  captchaId: string;
  captchaAnswer: string;
}

/** The captcha of a login to an account under attack (after `auth.captcha_required`). */
export interface CaptchaAnswer {
  captchaId: string;
  captchaAnswer: string;
}

export const accountApi = {
  /** The same answer whether or not the address has an account (202, "check your email"). */
  register: (input: RegisterInput) => api<{ message: string }>('POST', '/auth/register', input),
  activate: (token: string) => api<unknown>('POST', '/auth/activate', { token }),
  async login(email: string, password: string, captcha?: CaptchaAnswer): Promise<void> {
    session.start(await api<TokenPair>('POST', '/auth/login', { email, password, ...captcha }));
  },
  /** Where the browser goes to log in with VNeID; it comes back to /dang-nhap/vneid. */
  vneidStartUrl: (returnTo: string) =>
    `/api/v1/auth/oidc/vneid/start?returnTo=${encodeURIComponent(returnTo)}`,
  /** The one-time code of a VNeID login → the session. */
  async exchangeVneidCode(code: string): Promise<void> {
    session.start(await api<TokenPair>('POST', '/auth/oidc/exchange', { code }));
  },
  async logout(): Promise<void> {
    const refreshToken = session.refresh;
    try {
      if (refreshToken) await api('POST', '/auth/logout', { refreshToken });
    } finally {
      session.end();
    }
  },
  captcha: () => api<CaptchaView>('GET', '/auth/captcha'),
  forgotPassword: (input: { email: string; captchaId: string; captchaAnswer: string }) =>
    api<{ message: string }>('POST', '/auth/forgot-password', input),
  resetPassword: (token: string, newPassword: string) =>
    api<undefined>('POST', '/auth/reset-password', { token, newPassword }),
  me: () => api<ProfileView>('GET', '/me'),
  updateMe: (input: Partial<Pick<ProfileView, 'fullName' | 'phone' | 'idNumber' | 'locale'>>) =>
    api<ProfileView>('PATCH', '/me', input),
  changePassword: (currentPassword: string, newPassword: string) =>
    api<undefined>('POST', '/me/password', { currentPassword, newPassword }),
  documents: () => api<PersonalDocumentView[]>('GET', '/me/documents'),
  deleteDocument: (id: string) => api<undefined>('DELETE', `/me/documents/${id}`),
};

export interface NewDocumentFields {
  type: PersonalDocumentType;
  title: string;
  number?: string;
  issuedAt?: string;
}

/** At start-up: a refresh token kept by this tab signs the user back in. */
export async function restoreSession(): Promise<void> {
  if (session.snapshot.status !== 'restoring') return;
  try {
    if (!(await refreshSession())) session.end();
  } catch {
    // the API is unreachable: start signed out rather than wait
    session.end();
  }
}
