import type { EmailRequest, RenderedEmail } from './email.dto';
import { EmailTemplate, TemplateContext, emailTemplates } from './templates';

/** Renders the request's template in its locale. */
export function renderEmail(request: EmailRequest, ctx: TemplateContext): RenderedEmail {
  // The union of requests pairs each template with its own payload type; TS cannot see that here.
  const template = emailTemplates[request.template] as EmailTemplate<typeof request.data>;
  const localized = template[request.locale];
  return {
    subject: localized.subject(request.data, ctx),
    text: localized.text(request.data, ctx),
    html: localized.html(request.data, ctx),
  };
}

/** The subject alone (it never holds a link), for a delivery rendered only when sent. */
export function renderSubject(request: EmailRequest, ctx: TemplateContext): string {
  const template = emailTemplates[request.template] as EmailTemplate<typeof request.data>;
  return template[request.locale].subject(request.data, ctx);
}

/** An activation or reset email: its payload holds a sealed token, opened only to send it. */
export function carriesSealedToken(request: EmailRequest): boolean {
  const data = request.data as { sealedToken?: unknown };
  return typeof data.sealedToken === 'string';
}
