import type {
  AccountStatus,
  Locale,
  ProfileView,
  RegistrationAcceptedView,
  Role,
} from '@dvc/contracts';

/** An account as the service works with it (never sent out as is: it holds the password hash). */
export interface Account {
  id: string;
  /** Normalised: trimmed and lower-case, unique. */
  email: string;
  passwordHash: string;
  fullName: string;
  phone: string | null;
  idNumber: string | null;
  locale: Locale;
  status: AccountStatus;
  roles: Role[];
  createdAt: Date;
}

export interface NewAccount {
  email: string;
  passwordHash: string;
  fullName: string;
  phone: string | null;
  idNumber: string | null;
  locale: Locale;
  status: AccountStatus;
  roles: Role[];
}

export interface ProfileChanges {
  fullName?: string;
  phone?: string | null;
  idNumber?: string | null;
  locale?: Locale;
}

/**
 * One spelling per mailbox: `Nguyen.A@Example.VN` and `nguyen.a@example.vn` are the same
 * account (the unique index is on lower(email) as well).
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function mapProfile(account: Account, agencies: string[]): ProfileView {
  return {
    id: account.id,
    email: account.email,
    fullName: account.fullName,
    phone: account.phone,
    idNumber: account.idNumber,
    locale: account.locale,
    status: account.status,
    roles: account.roles,
    agencies,
    createdAt: account.createdAt.toISOString(),
  };
}

/** The one answer to a registration, new address or not (the gateway answers 202). */
export const REGISTRATION_ACCEPTED: RegistrationAcceptedView = {
  accepted: true,
  message:
    'Vui lòng kiểm tra hộp thư (cả thư mục thư rác): chúng tôi đã gửi tới email này hướng dẫn để tiếp tục.',
};
