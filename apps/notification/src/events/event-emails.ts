import { EventEnvelope, EventPayloads, Events } from '@dvc/contracts';
import type { EmailRequest } from '../email/email.dto';
import type { TemplateData, TemplateName } from '../email/templates';

/** An event whose payload cannot make its email: retried, then dead-lettered. */
export class MalformedEventError extends Error {
  override name = 'MalformedEventError';
}

/** The templates that can render payload P (P has every field they need). */
type TemplatesFor<P> = { [N in TemplateName]: P extends TemplateData<N> ? N : never }[TemplateName];

interface EmailRule<P> {
  template: TemplatesFor<P>;
  /** What the template needs beyond the account holder's address and name. */
  complete: (data: Partial<P>) => boolean;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * Which email each event sends (docs/design.md §8), as data. Every one goes to the account
 * holder, in the language of their account. Events not listed send no email.
 */
const EMAIL_OF_EVENT: { [K in keyof EventPayloads]?: EmailRule<EventPayloads[K]> } = {
  [Events.accountRegistered]: {
    template: 'account-registered',
    complete: (d) => isText(d.sealedToken),
  },
  [Events.accountActivated]: { template: 'account-activated', complete: () => true },
  [Events.registrationAttempted]: { template: 'registration-attempted', complete: () => true },
  [Events.idNumberReleased]: {
    template: 'id-number-released',
    complete: (d) => isText(d.maskedIdNumber),
  },
  [Events.passwordResetRequested]: {
    template: 'password-reset-requested',
    complete: (d) => isText(d.sealedToken),
  },
  [Events.passwordChanged]: {
    template: 'password-changed',
    complete: (d) => d.via === 'change' || d.via === 'reset',
  },
};

interface AccountHolder {
  accountId?: unknown;
  email?: unknown;
  fullName?: unknown;
  locale?: unknown;
}

/** The email an event asks for, or null when it asks for none. */
/** Does this event send an email (before its payload is checked)? */
export function sendsEmail(envelope: EventEnvelope): boolean {
  return Object.hasOwn(EMAIL_OF_EVENT, envelope.type);
}

export function emailForEvent(envelope: EventEnvelope): EmailRequest | null {
  if (!sendsEmail(envelope)) return null;
  const rule = EMAIL_OF_EVENT[envelope.type as keyof EventPayloads] as EmailRule<unknown>;
  const data = (envelope.data ?? {}) as AccountHolder;
  if (!isText(data.email) || !isText(data.fullName) || !rule.complete(data)) {
    throw new MalformedEventError(
      `${envelope.type} ${envelope.id}: the payload cannot make its email`,
    );
  }
  return {
    template: rule.template,
    // Vietnamese unless the citizen chose English.
    locale: data.locale === 'en' ? 'en' : 'vi',
    to: { address: data.email, name: data.fullName },
    accountId: isText(data.accountId) ? data.accountId : null,
    data,
  } as EmailRequest;
}
