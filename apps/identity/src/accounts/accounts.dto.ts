import { DomainError, VneidErrors } from '@dvc/contracts';
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
  /** Normalised: trimmed and lower-case, unique; null for an account made from VNeID without one. */
  email: string | null;
  /** Null for an account made from VNeID: it signs in through VNeID only. */
  passwordHash: string | null;
  fullName: string;
  phone: string | null;
  idNumber: string | null;
  locale: Locale;
  status: AccountStatus;
  roles: Role[];
  /** yyyy-MM-dd, from VNeID. */
  birthDate: string | null;
  /** Nơi cư trú, typed by the holder or given by VNeID; prefilled into online forms. */
  address: string | null;
  /** When the account was linked to its VNeID identity, if it is. */
  vneidLinkedAt: Date | null;
  createdAt: Date;
}

export interface NewAccount {
  email: string | null;
  passwordHash: string | null;
  fullName: string;
  phone: string | null;
  idNumber: string | null;
  locale: Locale;
  status: AccountStatus;
  roles: Role[];
  birthDate?: string | null;
  address?: string | null;
}

export interface ProfileChanges {
  fullName?: string;
  phone?: string | null;
  idNumber?: string | null;
  address?: string | null;
  locale?: Locale;
}

/**
 * One spelling per mailbox: `Nguyen.A@Example.VN` and `nguyen.a@example.vn` are the same
 * account (the unique index is on lower(email) as well).
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The mailbox of an account reached by email (registration, activation, password reset and
 * change): only an account made from VNeID has none, and it has no password either.
 */
export function mailboxOf(account: Account): string {
  if (account.email === null) {
    throw new DomainError(VneidErrors.noPassword);
  }
  return account.email;
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
    birthDate: account.birthDate,
    address: account.address,
    vneid: account.vneidLinkedAt ? { linkedAt: account.vneidLinkedAt.toISOString() } : null,
    createdAt: account.createdAt.toISOString(),
  };
}

/** The one answer to a registration, new address or not (the gateway answers 202). */
export const ACTIVATION_RESENT: RegistrationAcceptedView = {
  accepted: true,
  message:
    'Nếu email này thuộc một tài khoản chưa kích hoạt, liên kết để đặt mật khẩu và kích hoạt tài khoản sẽ được gửi tới hộp thư trong ít phút.',
};

export const REGISTRATION_ACCEPTED: RegistrationAcceptedView = {
  accepted: true,
  message:
    'Vui lòng kiểm tra hộp thư (cả thư mục thư rác): chúng tôi đã gửi tới email này hướng dẫn để tiếp tục.',
};
