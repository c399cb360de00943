import type { Locale } from '@dvc/contracts';
import type { BellEmailTemplate, TemplateData, TemplateName } from './templates';

export interface Recipient {
  address: string;
  name: string;
}

/** An email to send because of an event: which template, in which language, to whom. */
export type EmailRequest = {
  [K in TemplateName]: {
    template: K;
    locale: Locale;
    to: Recipient;
    /** Account the email is about, when there is one (joins with the in-app notifications). */
    accountId: string | null;
    data: TemplateData<K>;
  };
}[TemplateName];

/**
 * An email that goes with a bell notification: to the account holder, whose address, name
 * and language identity gives when the email is sent.
 */
export type AccountEmailRequest = {
  [K in BellEmailTemplate]: {
    template: K;
    accountId: string;
    data: Omit<TemplateData<K>, 'fullName'>;
  };
}[BellEmailTemplate];

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** docs/design.md §8: created → sending → delivered | temporary-failure | permanent-failure. */
export type DeliveryStatus =
  'created' | 'sending' | 'delivered' | 'temporary-failure' | 'permanent-failure';

/** A delivery claimed for sending: everything the SMTP message needs. */
export interface PendingDelivery extends RenderedEmail {
  id: string;
  to: Recipient;
  attempts: number;
}

/** A delivery claimed for sending whose address is still to be asked of identity. */
export interface UnaddressedDelivery {
  id: string;
  attempts: number;
  request: AccountEmailRequest;
}

/**
 * A delivery claimed for sending whose email carries a sealed single-use token: rendered only
 * now, with the token opened in memory, so no stored row ever holds the link.
 */
export interface UnrenderedDelivery {
  id: string;
  attempts: number;
  to: Recipient;
  request: EmailRequest;
}

/** Data of a Bull job in the `email` queue; the job id is the delivery id. */
export interface EmailJob {
  deliveryId: string;
}

export const EMAIL_QUEUE = 'email';
