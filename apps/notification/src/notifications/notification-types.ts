import type { DeliveryMethod } from '@dvc/contracts';

/**
 * The facts a notification keeps (column `data`), independent of the language: the title
 * and body are made from them in the reader's locale. Nothing secret goes in here (no
 * token, no address): the bell shows them and the portal's client may read them.
 */
export interface DossierFacts {
  dossierId: string;
  code: string;
  procedureName: string;
}

/** The applicant's own lookup key (mã tra cứu), shown to them alone, as on their dossier page. */
export interface SubmittedFacts extends DossierFacts {
  lookupKey: string | null;
}

export interface DueDateFacts extends DossierFacts {
  /** ISO instant of the promised result (ngày hẹn trả kết quả); null while the clock is paused. */
  dueAt: string | null;
}

export interface SupplementFacts extends DossierFacts {
  /** Documents the officer asks for, each as written by the officer. */
  missing: string[];
  note: string | null;
}

export interface ReasonFacts extends DossierFacts {
  reason: string | null;
}

export interface ResultFacts extends DossierFacts {
  deliveryMethod: DeliveryMethod;
  /** Postal tracking number (mã vận đơn) when the result was posted. */
  deliveryTracking: string | null;
}

export interface ApologyFacts extends DossierFacts {
  reason: string;
  /** ISO instant of the new due date (ngày hẹn trả mới). */
  newDueAt: string;
  /** Mã xác thực of the signed letter, to check it at /xac-thuc/<code>. */
  verificationCode: string;
}

export interface PaymentFacts {
  paymentId: string;
  dossierId: string;
  dossierCode: string;
  /** VND integer. */
  amount: number;
}

export interface FeeFacts extends PaymentFacts {
  procedureName: string;
}

export interface FailedPaymentFacts extends PaymentFacts {
  /** failed or cancelled at the provider, or `error`: paid and ours disagree, a person resolves it. */
  status: 'failed' | 'cancelled' | 'error';
}

export interface PasswordChangeFacts {
  via: 'change' | 'reset';
}

export interface FeedbackFacts {
  feedbackId: string;
  code: string;
  title: string;
}

export type NoFacts = Record<string, never>;

/** Every kind of bell notification, with its facts. The type is stored with each row. */
export interface NotificationDataByType {
  'dossier.submitted': SubmittedFacts;
  'dossier.received': DueDateFacts;
  'dossier.processing': DueDateFacts;
  'dossier.supplement_requested': SupplementFacts;
  'dossier.supplemented': DueDateFacts;
  'dossier.refused': ReasonFacts;
  'dossier.withdrawal_requested': DossierFacts;
  'dossier.stopped': ReasonFacts;
  'dossier.result_ready': ResultFacts;
  'dossier.returned': ResultFacts;
  'dossier.apologized': ApologyFacts;
  'payment.required': FeeFacts;
  'payment.succeeded': PaymentFacts;
  'payment.failed': FailedPaymentFacts;
  'payment.expired': PaymentFacts;
  'feedback.answered': FeedbackFacts;
  'account.activated': NoFacts;
  'account.password_reset_requested': NoFacts;
  'account.password_changed': PasswordChangeFacts;
  // To the agency's officers (docs/design.md §14): deadlines and the citizen's answers.
  'officer.due_soon': DueDateFacts;
  'officer.overdue': DueDateFacts;
  'officer.supplemented': DueDateFacts;
  'officer.paid': DueDateFacts;
}

/** The notifications an agency's officers get about its dossiers. */
export type OfficerNotificationType = Extract<NotificationType, `officer.${string}`>;

export type NotificationType = keyof NotificationDataByType;
export type Facts<T extends NotificationType> = NotificationDataByType[T];

/** The notification types about a dossier's status (one email template renders them all). */
export type DossierStatusType = Extract<
  NotificationType,
  | 'dossier.received'
  | 'dossier.processing'
  | 'dossier.supplement_requested'
  | 'dossier.supplemented'
  | 'dossier.refused'
  | 'dossier.withdrawal_requested'
  | 'dossier.stopped'
  | 'dossier.result_ready'
  | 'dossier.returned'
>;
