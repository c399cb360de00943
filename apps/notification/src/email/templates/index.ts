import { accountActivated } from './account-activated';
import { accountRegistered } from './account-registered';
import { passwordChanged } from './password-changed';
import { passwordResetRequested } from './password-reset-requested';
import type { EmailTemplate } from './template';

/** Every email the portal sends, by template name (the name is stored on each delivery). */
export const emailTemplates = {
  'account-registered': accountRegistered,
  'account-activated': accountActivated,
  'password-reset-requested': passwordResetRequested,
  'password-changed': passwordChanged,
};

export type TemplateName = keyof typeof emailTemplates;

/** The payload a template renders. */
export type TemplateData<K extends TemplateName> =
  (typeof emailTemplates)[K] extends EmailTemplate<infer T> ? T : never;

export type { EmailTemplate, TemplateContext } from './template';
