import { accountActivated } from './account-activated';
import { accountRegistered } from './account-registered';
import { dossierApologized } from './dossier-apologized';
import { dossierStatusChanged } from './dossier-status-changed';
import { dossierSubmitted } from './dossier-submitted';
import { officerDossier } from './officer-dossier';
import { idNumberReleased } from './id-number-released';
import { passwordChanged } from './password-changed';
import { passwordResetRequested } from './password-reset-requested';
import { registrationAttempted } from './registration-attempted';
import { paymentExpired } from './payment-expired';
import { paymentFailed } from './payment-failed';
import { paymentRequired } from './payment-required';
import { paymentSucceeded } from './payment-succeeded';
import type { EmailTemplate } from './template';

/** Emails whose payload carries the address (identity events): sent as the event says. */
const accountEmails = {
  'account-registered': accountRegistered,
  'account-activated': accountActivated,
  'registration-attempted': registrationAttempted,
  'password-reset-requested': passwordResetRequested,
  'password-changed': passwordChanged,
  'id-number-released': idNumberReleased,
};

/**
 * Emails that go with a bell notification (dossier and payment events): addressed to the
 * account holder, whose address and language identity gives when the email is sent.
 */
const bellEmails = {
  'dossier-submitted': dossierSubmitted,
  'dossier-status-changed': dossierStatusChanged,
  'dossier-apologized': dossierApologized,
  'payment-required': paymentRequired,
  'payment-succeeded': paymentSucceeded,
  'payment-failed': paymentFailed,
  'payment-expired': paymentExpired,
  'officer-dossier': officerDossier,
};

/** Every email the portal sends, by template name (the name is stored on each delivery). */
export const emailTemplates = { ...accountEmails, ...bellEmails };

export type TemplateName = keyof typeof emailTemplates;
export type BellEmailTemplate = keyof typeof bellEmails;

/** The payload a template renders. */
export type TemplateData<K extends TemplateName> =
  (typeof emailTemplates)[K] extends EmailTemplate<infer T> ? T : never;

export type { EmailTemplate, TemplateContext } from './template';
export type { BellEmail } from './notification-email';
