import type { Locale } from '@dvc/contracts';

/** What a template needs besides the event payload. */
export interface TemplateContext {
  /** The portal's public address (PUBLIC_URL), for links. */
  publicUrl: string;
  /**
   * The single-use token of an activation or reset link, opened from its sealed form while the
   * email is being sent: it lives in memory only, never in a stored payload.
   */
  token?: string;
}

export interface LocalizedEmail<T> {
  subject: (data: T, ctx: TemplateContext) => string;
  text: (data: T, ctx: TemplateContext) => string;
  html: (data: T, ctx: TemplateContext) => string;
}

/** One email in both locales: Vietnamese first, English second. */
export type EmailTemplate<T> = Record<Locale, LocalizedEmail<T>>;

/** HTML that is already safe to embed; everything else interpolated into `html` is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Tagged template that escapes every interpolated value, so no template can forget to. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  const out = strings.reduce((acc, s, i) => acc + render(values[i - 1]) + s);
  return new SafeHtml(out);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** The link of a single-use token email; rendering it without the opened token is a bug. */
export function tokenLink(ctx: TemplateContext, path: string): string {
  if (ctx.token === undefined) throw new Error(`the link to ${path} needs its opened token`);
  return portalLink(ctx, path, ctx.token);
}

/** A portal link; the token is URL-encoded whatever it contains. */
export function portalLink(ctx: TemplateContext, path: string, token?: string): string {
  const base = `${ctx.publicUrl.replace(/\/+$/, '')}${path}`;
  return token === undefined ? base : `${base}?token=${encodeURIComponent(token)}`;
}

const FOOTER: Record<Locale, { signature: string; automatic: string }> = {
  vi: {
    signature: 'Trân trọng,\nCổng Dịch vụ công',
    automatic: 'Đây là thư tự động, vui lòng không trả lời thư này.',
  },
  en: {
    signature: 'Kind regards,\nThe public-service portal (Cổng Dịch vụ công)',
    automatic: 'This is an automated message; please do not reply.',
  },
};

/** Plain-text body: paragraphs, then the signature and the no-reply note. */
export function textLayout(locale: Locale, paragraphs: string[]): string {
  const { signature, automatic } = FOOTER[locale];
  return [...paragraphs, signature, '--', automatic].join('\n\n') + '\n';
}

export interface HtmlBody {
  heading: string;
  paragraphs: SafeHtml[];
  action?: { label: string; href: string };
}

/** HTML body in a simple, mail-client-safe layout (inline styles, one column). */
export function htmlLayout(locale: Locale, body: HtmlBody): string {
  const { signature, automatic } = FOOTER[locale];
  const button = body.action
    ? html`<p style="margin:24px 0">
          <a
            href="${body.action.href}"
            style="background:#c8102e;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block"
            >${body.action.label}</a
          >
        </p>
        <p style="font-size:13px;color:#555555">
          ${locale === 'vi' ? 'Nếu nút không mở được, hãy sao chép liên kết sau vào trình duyệt:' : 'If the button does not work, copy this link into your browser:'}<br /><a
            href="${body.action.href}"
            style="color:#0b5394;word-break:break-all"
            >${body.action.href}</a
          >
        </p>`
    : '';
  return html`<!DOCTYPE html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>${body.heading}</title>
      </head>
      <body
        style="margin:0;padding:0;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;color:#222222"
      >
        <div style="max-width:600px;margin:0 auto;background:#ffffff">
          <div
            style="background:#c8102e;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold"
          >
            Cổng Dịch vụ công
          </div>
          <div style="padding:24px">
            <h1 style="font-size:20px;margin:0 0 16px">${body.heading}</h1>
            ${body.paragraphs.map((p) => html`<p style="line-height:1.5">${p}</p> `)}${button}
            <p style="line-height:1.5;white-space:pre-line">${signature}</p>
          </div>
          <div style="padding:16px 24px;font-size:12px;color:#777777;border-top:1px solid #eeeeee">
            ${automatic}
          </div>
        </div>
      </body>
    </html> `.value;
}
