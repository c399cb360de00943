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
