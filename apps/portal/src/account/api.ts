import type { PersonalDocumentType } from '@dvc/contracts';
import { body, client, type ApiSchemas } from '../api/client';
import { refreshSession } from '../api/http';
import { session } from '../auth/session';

export type RegisterInput = ApiSchemas['RegisterDto'];

/** The captcha of a login to an account under attack (after `auth.captcha_required`). */
export interface CaptchaAnswer {
  captchaId: string;
  captchaAnswer: string;
}

export const accountApi = {
  /** The same answer whether or not the address has an account (202, "check your email"). */
  register: (input: RegisterInput) => body(client.POST('/api/v1/auth/register', { body: input })),
  activate: (token: string) => body(client.POST('/api/v1/auth/activate', { body: { token } })),
  resendActivation: (input: { email: string; captchaId: string; captchaAnswer: string }) =>
    body(client.POST('/api/v1/auth/resend-activation', { body: input })),
  async login(email: string, password: string, captcha?: CaptchaAnswer): Promise<void> {
    session.start(
      await body(client.POST('/api/v1/auth/login', { body: { email, password, ...captcha } })),
    );
  },
  /** Where the browser goes to log in with VNeID; it comes back to /dang-nhap/vneid. */
  vneidStartUrl: (returnTo: string) =>
    `/api/v1/auth/oidc/vneid/start?returnTo=${encodeURIComponent(returnTo)}`,
  /** "Liên kết VNeID" from Trang cá nhân: → VNeID's login page, which comes back to /tai-khoan. */
  startVneidLink: () => body(client.POST('/api/v1/auth/oidc/vneid/link')),
  /** The one-time code of a VNeID login → the session. */
  async exchangeVneidCode(code: string): Promise<void> {
    session.start(await body(client.POST('/api/v1/auth/oidc/exchange', { body: { code } })));
  },
  /** Ends the session behind the refresh cookie (the gateway also clears the cookie). */
  async logout(): Promise<void> {
    try {
      await body(client.POST('/api/v1/auth/logout', { body: {} }));
    } finally {
      session.end();
    }
  },
  captcha: () => body(client.GET('/api/v1/auth/captcha')),
  forgotPassword: (input: { email: string; captchaId: string; captchaAnswer: string }) =>
    body(client.POST('/api/v1/auth/forgot-password', { body: input })),
  resetPassword: (token: string, newPassword: string) =>
    body(client.POST('/api/v1/auth/reset-password', { body: { token, newPassword } })),
  me: () => body(client.GET('/api/v1/me')),
  updateMe: (input: ApiSchemas['UpdateProfileDto']) =>
    body(client.PATCH('/api/v1/me', { body: input })),
  changePassword: (currentPassword: string, newPassword: string) =>
    body(client.POST('/api/v1/me/password', { body: { currentPassword, newPassword } })),
  documents: () => body(client.GET('/api/v1/me/documents')),
  deleteDocument: (id: string) =>
    body(client.DELETE('/api/v1/me/documents/{id}', { params: { path: { id } } })),
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
