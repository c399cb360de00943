import type { BellMessage, Locale, NotificationView } from '@dvc/contracts';
import { NotificationText, isNotificationType, renderNotification } from './notification-texts';
import type { Facts, NotificationType } from './notification-types';
import type { Notification } from './notifications.repository';

/**
 * Title and body in the reader's locale, made again from the stored facts; the stored text
 * (in the locale it was written in) stands in for a type this version no longer knows.
 */
export function notificationText(n: Notification, locale: Locale): NotificationText {
  if (!isNotificationType(n.type)) return { title: n.title, body: n.body };
  try {
    return renderNotification(n.type, locale, n.data as Facts<NotificationType>);
  } catch {
    return { title: n.title, body: n.body };
  }
}

export function mapNotification(n: Notification, locale: Locale): NotificationView {
  const { title, body } = notificationText(n, locale);
  return {
    id: n.id,
    type: n.type,
    category: n.category,
    title,
    body,
    link: n.link,
    data: n.data,
    read: n.readAt !== null,
    readAt: n.readAt ? n.readAt.toISOString() : null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** What the bell's Redis channel carries: the view in its own locale, the text in every locale. */
export function mapBellMessage(n: Notification): BellMessage {
  return {
    accountId: n.accountId,
    notification: mapNotification(n, n.locale),
    texts: { vi: notificationText(n, 'vi'), en: notificationText(n, 'en') },
  };
}
