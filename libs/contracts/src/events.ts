import type { SealedToken } from './sealed-token';

/** Every event that leaves a service, with its payload type. Routing key = event type. */
export const Events = {
  accountRegistered: 'identity.account.registered',
  accountActivated: 'identity.account.activated',
  registrationAttempted: 'identity.account.registration_attempted',
  passwordResetRequested: 'identity.password_reset_requested',
  passwordChanged: 'identity.account.password_changed',
  accountVneidLinked: 'identity.account.vneid_linked',
  idNumberReleased: 'identity.account.id_number_released',
  procedureUpserted: 'catalogue.procedure.upserted',
  dossierSubmitted: 'dossier.submitted',
  dossierStatusChanged: 'dossier.status_changed',
  dossierPaymentRequired: 'dossier.payment_required',
  dossierRated: 'dossier.rated',
  dossierDeadlineWarning: 'dossier.deadline_warning',
  dossierApologized: 'dossier.apologized',
  feedbackAnswered: 'feedback.answered',
  storageFileRejected: 'storage.file.rejected',
  paymentCreated: 'payment.created',
  paymentSucceeded: 'payment.succeeded',
  paymentFailed: 'payment.failed',
  paymentExpired: 'payment.expired',
} as const;

export type EventType = (typeof Events)[keyof typeof Events];

export const EVENTS_EXCHANGE = 'dvc.events';
export const DEAD_LETTER_EXCHANGE = 'dvc.dlx';

/** The envelope every event travels in (docs/design.md §3). */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  occurredAt: string;
  version: number;
  correlationId: string | null;
  data: T;
}

export type Locale = 'vi' | 'en';

export interface AccountRegisteredEvent {
  accountId: string;
  email: string;
  fullName: string;
  locale: Locale;
  /** The activation link's single-use token, sealed to the notification service (sealed-token.ts). */
  sealedToken: SealedToken;
  expiresAt: string;
}

/**
 * Someone registered with the address of an existing account: its holder is told (the
 * registration itself answers as for a new address, so it reveals nothing).
 */
export interface RegistrationAttemptedEvent {
  accountId: string;
  email: string;
  fullName: string;
  locale: Locale;
}

/** An account linked to its VNeID identity; `created` when the account was made from it. */
export interface AccountVneidLinkedEvent {
  accountId: string;
  created: boolean;
  linkedAt: string;
}

/**
 * A VNeID identity proved the ID number this account had only declared: the number moved to
 * the proven holder and this account no longer carries it. Its holder is told by email.
 */
export interface IdNumberReleasedEvent {
  accountId: string;
  email: string;
  fullName: string;
  locale: Locale;
  /** The number, masked but for its last 3 digits (`*********001`). */
  maskedIdNumber: string;
}

export interface AccountActivatedEvent {
  accountId: string;
  email: string;
  fullName: string;
  locale: Locale;
}

export interface PasswordResetRequestedEvent {
  accountId: string;
  email: string;
  fullName: string;
  locale: Locale;
  /** The reset link's single-use token, sealed to the notification service. */
  sealedToken: SealedToken;
  expiresAt: string;
  /** The account is pending: setting the password activates it (the lost activation email). */
  activates?: boolean;
}

export interface PasswordChangedEvent {
  accountId: string;
  email: string;
  fullName: string;
  locale: Locale;
  /** `change` from the profile page, `reset` from a reset link. */
  via: 'change' | 'reset';
}

export interface ProcedureUpsertedEvent {
  code: string;
}

/** Maps each event type to its payload, so publishers and consumers agree at compile time. */
import type {
  DossierDeadlineWarningEvent,
  DossierApologizedEvent,
  DossierPaymentRequiredEvent,
  DossierStatusChangedEvent,
  DossierSubmittedEvent,
  StorageFileRejectedEvent,
} from './dossier-events';
import type { DossierRatedEvent } from './rating.dto';
import type { FeedbackAnsweredEvent } from './feedback.dto';
import type {
  PaymentCreatedEvent,
  PaymentExpiredEvent,
  PaymentFailedEvent,
  PaymentSucceededEvent,
} from './payment.dto';

export interface EventPayloads {
  [Events.accountRegistered]: AccountRegisteredEvent;
  [Events.accountActivated]: AccountActivatedEvent;
  [Events.registrationAttempted]: RegistrationAttemptedEvent;
  [Events.passwordResetRequested]: PasswordResetRequestedEvent;
  [Events.passwordChanged]: PasswordChangedEvent;
  [Events.accountVneidLinked]: AccountVneidLinkedEvent;
  [Events.idNumberReleased]: IdNumberReleasedEvent;
  [Events.procedureUpserted]: ProcedureUpsertedEvent;
  [Events.dossierSubmitted]: DossierSubmittedEvent;
  [Events.dossierStatusChanged]: DossierStatusChangedEvent;
  [Events.dossierPaymentRequired]: DossierPaymentRequiredEvent;
  [Events.dossierRated]: DossierRatedEvent;
  [Events.dossierDeadlineWarning]: DossierDeadlineWarningEvent;
  [Events.dossierApologized]: DossierApologizedEvent;
  [Events.feedbackAnswered]: FeedbackAnsweredEvent;
  [Events.storageFileRejected]: StorageFileRejectedEvent;
  [Events.paymentCreated]: PaymentCreatedEvent;
  [Events.paymentSucceeded]: PaymentSucceededEvent;
  [Events.paymentFailed]: PaymentFailedEvent;
  [Events.paymentExpired]: PaymentExpiredEvent;
}
