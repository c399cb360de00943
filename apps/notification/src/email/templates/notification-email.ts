import type { Locale } from '@dvc/contracts';
import { renderNotification } from '../../notifications/notification-texts';
import type { Facts, NotificationType } from '../../notifications/notification-types';
import {
  EmailTemplate,
  LocalizedEmail,
  html,
  htmlLayout,
  portalLink,
  textLayout,
} from './template';

/**
 * What an email about a bell notification renders: the notification (type, facts, link)
 * and the holder's name, which identity gives when the email is about to be sent.
 */
export interface BellEmail<T extends NotificationType = NotificationType> {
  fullName: string;
  type: T;
  data: Facts<T>;
  link: string | null;
}

export interface BellEmailSpec<T extends NotificationType> {
  subject: Record<Locale, (d: BellEmail<T>) => string>;
  /** Paragraphs after the notification's own text (what to do next); `link` makes a portal URL. */
  more: Record<Locale, (d: BellEmail<T>, link: (path: string) => string) => string[]>;
  /** Label of the button that opens the notification's link. */
  action: Record<Locale, string>;
}

const GREETING: Record<Locale, (name: string) => string> = {
  vi: (name) => `Kính gửi Ông/Bà ${name},`,
  en: (name) => `Dear ${name},`,
};

/**
 * An email that says what the bell says (same words, from the notification texts), greets
 * the holder by name, adds the template's own paragraphs and links to the portal page.
 */
export function bellEmail<T extends NotificationType>(
  spec: BellEmailSpec<T>,
): EmailTemplate<BellEmail<T>> {
  const localized = (locale: Locale): LocalizedEmail<BellEmail<T>> => ({
    subject: (d) => spec.subject[locale](d),
    text: (d, ctx) => {
      const { body } = renderNotification(d.type, locale, d.data);
      const link = portalLink(ctx, d.link ?? '/');
      return textLayout(locale, [
        GREETING[locale](d.fullName),
        body,
        ...spec.more[locale](d, (path) => portalLink(ctx, path)),
        `${spec.action[locale]}: ${link}`,
      ]);
    },
    html: (d, ctx) => {
      const { title, body } = renderNotification(d.type, locale, d.data);
      const name =
        locale === 'vi'
          ? html`Kính gửi Ông/Bà <strong>${d.fullName}</strong>,`
          : html`Dear <strong>${d.fullName}</strong>,`;
      return htmlLayout(locale, {
        heading: title,
        paragraphs: [
          name,
          html`${body}`,
          ...spec.more[locale](d, (path) => portalLink(ctx, path)).map((p) => html`${p}`),
        ],
        action: { label: spec.action[locale], href: portalLink(ctx, d.link ?? '/') },
      });
    },
  });
  return { vi: localized('vi'), en: localized('en') };
}
