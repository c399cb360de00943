import {
  DossierApologizedEvent,
  DossierEventBase,
  DossierStatusChangedEvent,
  DossierStatusName,
  DossierSubmittedEvent,
  EventEnvelope,
  Events,
  FeedbackAnsweredEvent,
  Locale,
  NotificationCategory,
  PasswordChangedEvent,
  PaymentCreatedEvent,
  PaymentExpiredEvent,
  PaymentFailedEvent,
  PaymentSucceededEvent,
} from '@dvc/contracts';
import type { BellEmailTemplate } from '../email/templates';
import { MalformedEventError } from '../events/event-emails';
import type {
  DossierFacts,
  Facts,
  NotificationType,
  PaymentFacts,
  ResultFacts,
} from './notification-types';

/** A notification an event asks for, before it is stored. */
export interface NotificationDraft {
  accountId: string;
  type: NotificationType;
  category: NotificationCategory;
  /** Locale of the stored title/body: the account's when the event says it, else Vietnamese. */
  locale: Locale;
  link: string | null;
  data: Facts<NotificationType>;
  /** The email that goes with it (account events email through event-emails instead). */
  email: BellEmailTemplate | null;
  sms: boolean;
}

export interface NotificationRule<P, T extends NotificationType = NotificationType> {
  type: T;
  category: NotificationCategory;
  /** Payload fields that must be non-empty text; the event is malformed otherwise. */
  texts: readonly string[];
  /** Payload fields that must be VND amounts (integers ≥ 0). */
  amounts?: readonly string[];
  /** Only when this holds (the event may be announced by another one); always when absent. */
  when?: (p: P) => boolean;
  recipient: (p: P) => string;
  link: (p: P) => string | null;
  /** Only the facts the texts need: nothing else of the payload (tokens!) is kept. */
  facts: (p: P) => Facts<T>;
  email?: BellEmailTemplate;
  /** Also an SMS: the few events that ask the citizen to act, or end the dossier. */
  sms?: boolean;
}

/** What every `payment.*` event carries (libs/contracts payment.dto.ts). */
type PaymentEventBase = Pick<
  PaymentSucceededEvent,
  'paymentId' | 'dossierId' | 'dossierCode' | 'applicantId' | 'amount'
>;

const DOSSIER_FIELDS = ['dossierId', 'code', 'procedureName', 'applicantId'] as const;
const PAYMENT_FIELDS = ['paymentId', 'dossierId', 'dossierCode', 'applicantId'] as const;

const dossierLink = (d: { dossierId: string }) => `/ho-so/${d.dossierId}`;
/** The payment to open: the one that replaced it when there is one (to pay again). */
const paymentLink = (p: { paymentId: string; nextPaymentId?: string | null }) =>
  `/giao-dich/${textOrNull(p.nextPaymentId) ?? p.paymentId}`;

const paymentFacts = (p: PaymentEventBase): PaymentFacts => ({
  paymentId: p.paymentId,
  dossierId: p.dossierId,
  dossierCode: p.dossierCode,
  amount: p.amount,
});

const dossierFacts = (d: DossierEventBase): DossierFacts => ({
  dossierId: d.dossierId,
  code: d.code,
  procedureName: d.procedureName,
});

const resultFacts = (d: DossierStatusChangedEvent): ResultFacts => ({
  ...dossierFacts(d),
  deliveryMethod: ['post', 'desk'].includes(d.deliveryMethod) ? d.deliveryMethod : 'online',
  deliveryTracking: textOrNull(d.deliveryTracking),
});

/** A status change of the applicant's dossier, with its email. */
function statusRule<T extends NotificationType>(
  type: T,
  facts: (d: DossierStatusChangedEvent) => Facts<T>,
  options: { sms?: boolean } = {},
): NotificationRule<DossierStatusChangedEvent, T> {
  return {
    type,
    category: 'dossier',
    texts: DOSSIER_FIELDS,
    recipient: (d) => d.applicantId,
    link: dossierLink,
    facts,
    email: 'dossier-status-changed',
    ...options,
  };
}

/** A payment's news, to the payer. */
function paymentRule<P extends PaymentEventBase, T extends NotificationType>(
  type: T,
  facts: (p: P) => Facts<T>,
  options: Partial<Pick<NotificationRule<P, T>, 'texts' | 'email' | 'sms' | 'when'>>,
): NotificationRule<P, T> {
  return {
    type,
    category: 'payment',
    texts: PAYMENT_FIELDS,
    amounts: ['amount'],
    recipient: (p) => p.applicantId,
    link: paymentLink,
    facts,
    ...options,
  };
}

/** An account event, to the account holder, in the account's language. */
function accountRule<T extends NotificationType, P extends { accountId: string }>(
  type: T,
  facts: (p: P) => Facts<T>,
  link: string,
): NotificationRule<P, T> {
  return {
    type,
    category: 'account',
    texts: ['accountId'],
    recipient: (p) => p.accountId,
    link: () => link,
    facts,
  };
}

/**
 * `dossier.status_changed` by the status reached (docs/design.md §4). null: no notification,
 * because another event of the same change says it better.
 */
export const STATUS_CHANGE_RULES: Record<
  DossierStatusName,
  NotificationRule<DossierStatusChangedEvent> | null
> = {
  DRAFT: null,
  // `dossier.submitted` comes with it, whether submitted directly or after paying at submission.
  SUBMITTED: null,
  RECEIVED: statusRule('dossier.received', (d) => ({
    ...dossierFacts(d),
    dueAt: textOrNull(d.dueAt),
  })),
  REFUSED: statusRule(
    'dossier.refused',
    (d) => ({ ...dossierFacts(d), reason: textOrNull(d.note) }),
    { sms: true },
  ),
  PROCESSING: statusRule('dossier.processing', (d) => ({
    ...dossierFacts(d),
    dueAt: textOrNull(d.dueAt),
  })),
  SUPPLEMENT_REQUESTED: statusRule(
    'dossier.supplement_requested',
    (d) => ({
      ...dossierFacts(d),
      missing: Array.isArray(d.missing) ? d.missing.filter(isText) : [],
      note: textOrNull(d.note),
    }),
    { sms: true },
  ),
  // `payment.created` comes with it, with the amount and the payment to open.
  PAYMENT_REQUIRED: null,
  WITHDRAWAL_REQUESTED: statusRule('dossier.withdrawal_requested', dossierFacts),
  STOPPED: statusRule('dossier.stopped', (d) => ({
    ...dossierFacts(d),
    reason: textOrNull(d.note),
  })),
  RESULT_READY: statusRule('dossier.result_ready', resultFacts, { sms: true }),
  RETURNED: statusRule('dossier.returned', resultFacts),
};

/** Actions whose notification is not their status's. */
export const STATUS_CHANGE_ACTION_RULES: Record<
  string,
  NotificationRule<DossierStatusChangedEvent> | null
> = {
  // The citizen's supplement sends the dossier back to RECEIVED/PROCESSING: not a new receipt.
  supplement: statusRule('dossier.supplemented', (d) => ({
    ...dossierFacts(d),
    dueAt: textOrNull(d.dueAt),
  })),
  // A paid fee moves the dossier on: `payment.succeeded` says it, with the receipt.
  'payment-succeeded': null,
};

/** Every other event this service turns into a notification; absent or null: none. */
export const EVENT_RULES: Record<string, NotificationRule<never> | null> = {
  // The account cannot sign in yet: its activation email is the message.
  [Events.accountRegistered]: null,
  [Events.accountActivated]: accountRule('account.activated', () => ({}), '/'),
  // Only the email says it: whoever registered is not the holder signed in here.
  [Events.registrationAttempted]: null,
  // Only the email says it: its holder may seldom sign in to that account now.
  [Events.idNumberReleased]: null,
  [Events.passwordResetRequested]: accountRule(
    'account.password_reset_requested',
    () => ({}),
    '/tai-khoan',
  ),
  [Events.passwordChanged]: accountRule(
    'account.password_changed',
    (p: PasswordChangedEvent) => ({ via: p.via === 'reset' ? 'reset' : 'change' }),
    '/tai-khoan',
  ),
  [Events.dossierSubmitted]: {
    type: 'dossier.submitted',
    category: 'dossier',
    texts: DOSSIER_FIELDS,
    recipient: (d: DossierSubmittedEvent) => d.applicantId,
    link: dossierLink,
    facts: (d) => ({ ...dossierFacts(d), lookupKey: textOrNull(d.lookupKey) }),
    email: 'dossier-submitted',
  } satisfies NotificationRule<DossierSubmittedEvent, 'dossier.submitted'>,
  [Events.dossierApologized]: {
    type: 'dossier.apologized',
    category: 'dossier',
    texts: [...DOSSIER_FIELDS, 'reason', 'newDueAt', 'verificationCode'],
    recipient: (d: DossierApologizedEvent) => d.applicantId,
    link: (d) => `/ho-so/${d.dossierId}#xin-loi`,
    facts: (d) => ({
      ...dossierFacts(d),
      reason: d.reason,
      newDueAt: d.newDueAt,
      verificationCode: d.verificationCode,
    }),
    email: 'dossier-apologized',
    sms: true,
  } satisfies NotificationRule<DossierApologizedEvent, 'dossier.apologized'>,
  // The payment service turns it into a payment: `payment.created` rings, with its link.
  [Events.dossierPaymentRequired]: null,
  [Events.paymentCreated]: paymentRule(
    'payment.required',
    (p: PaymentCreatedEvent) => ({ ...paymentFacts(p), procedureName: p.procedureName }),
    {
      texts: [...PAYMENT_FIELDS, 'procedureName'],
      // A retry after a failed or expired payment: that notification links to it already.
      when: (p) => !isText(p.retryOf),
      email: 'payment-required',
      sms: true,
    },
  ),
  [Events.paymentSucceeded]: paymentRule('payment.succeeded', paymentFacts, {
    email: 'payment-succeeded',
  }),
  [Events.paymentFailed]: paymentRule(
    'payment.failed',
    (p: PaymentFailedEvent) => ({
      ...paymentFacts(p),
      status: p.status === 'cancelled' || p.status === 'error' ? p.status : 'failed',
    }),
    {
      // Ended by us, not by the payer: a newer fee replaced it (and rings), or the dossier
      // left PAYMENT_REQUIRED (its status change rings).
      when: (p) => !['superseded', 'dossier_changed'].includes(p.reason),
      email: 'payment-failed',
    },
  ),
  // The asker's bell when they were signed in; an anonymous asker looks it up with the key.
  [Events.feedbackAnswered]: {
    type: 'feedback.answered',
    category: 'dossier',
    texts: ['feedbackId', 'code', 'title'],
    when: (f: FeedbackAnsweredEvent) => isText(f.askerId),
    recipient: (f: FeedbackAnsweredEvent) => f.askerId!,
    link: (f: FeedbackAnsweredEvent) => `/phan-anh/tra-cuu?code=${encodeURIComponent(f.code)}`,
    facts: (f: FeedbackAnsweredEvent) => ({
      feedbackId: f.feedbackId,
      code: f.code,
      title: f.title,
    }),
  } satisfies NotificationRule<FeedbackAnsweredEvent, 'feedback.answered'>,
  [Events.paymentExpired]: paymentRule(
    'payment.expired',
    (p: PaymentExpiredEvent) => paymentFacts(p),
    {
      email: 'payment-expired',
    },
  ),
};

/** The rule an event follows, or null when it makes no notification. */
export function ruleForEvent(envelope: EventEnvelope): NotificationRule<unknown> | null {
  if (envelope.type === Events.dossierStatusChanged) {
    const change = (envelope.data ?? {}) as Partial<DossierStatusChangedEvent>;
    if (
      typeof change.action === 'string' &&
      Object.hasOwn(STATUS_CHANGE_ACTION_RULES, change.action)
    )
      return STATUS_CHANGE_ACTION_RULES[change.action] as NotificationRule<unknown> | null;
    if (typeof change.status === 'string' && Object.hasOwn(STATUS_CHANGE_RULES, change.status))
      return STATUS_CHANGE_RULES[change.status] as NotificationRule<unknown> | null;
    throw new MalformedEventError(`${envelope.type} ${envelope.id}: unknown status`);
  }
  if (!Object.hasOwn(EVENT_RULES, envelope.type)) return null;
  return EVENT_RULES[envelope.type] as NotificationRule<unknown> | null;
}

/** The notification an event asks for, or null; a payload it cannot be made from throws. */
export function notificationForEvent(envelope: EventEnvelope): NotificationDraft | null {
  const rule = ruleForEvent(envelope);
  if (!rule) return null;
  const payload = envelope.data;
  if (typeof payload !== 'object' || payload === null) {
    throw new MalformedEventError(`${envelope.type} ${envelope.id}: no payload`);
  }
  const fields = payload as Record<string, unknown>;
  const missing = [
    ...rule.texts.filter((f) => !isText(fields[f])),
    ...(rule.amounts ?? []).filter((f) => !isAmount(fields[f])),
  ];
  if (missing.length > 0) {
    throw new MalformedEventError(
      `${envelope.type} ${envelope.id}: the payload lacks ${missing.join(', ')}`,
    );
  }
  if (rule.when && !rule.when(payload)) return null;
  return {
    accountId: rule.recipient(payload),
    type: rule.type,
    category: rule.category,
    locale: fields.locale === 'en' ? 'en' : 'vi',
    link: rule.link(payload),
    data: rule.facts(payload),
    email: rule.email ?? null,
    sms: rule.sms ?? false,
  };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function textOrNull(value: unknown): string | null {
  return isText(value) ? value : null;
}
