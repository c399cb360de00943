import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  Caller,
  ListNotificationsQuery,
  Locale,
  MarkAllReadView,
  NotificationListView,
  NotificationView,
  NotificationsAfterInput,
  NotificationsAfterView,
  NotificationErrors,
  DomainError,
} from '@dvc/contracts';
import { BellPublisher } from '../bell/bell-publisher';
import type { AccountEmailRequest } from '../email/email.dto';
import { EmailService } from '../email/email.service';
import { PreferencesService } from '../preferences/preferences.service';
import { SmsService } from '../sms/sms.service';
import type { NotificationDraft } from './notification-rules';
import { renderNotification } from './notification-texts';
import { mapBellMessage, mapNotification } from './notifications.dto';
import { NotificationsRepository } from './notifications.repository';

const DEFAULT_PAGE_SIZE = 20;
const REPLAY_LIMIT = 100;

/** The bell: notifications written from events, read and marked by their owner only. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly preferences: PreferencesService,
    private readonly emails: EmailService,
    private readonly sms: SmsService,
    private readonly bell: BellPublisher,
  ) {}

  /**
   * Writes the notification an event asked for, in that event's inbox transaction, with its
   * email (unless the holder turned that category off) and SMS; once committed, it rings the
   * bell live. An event delivered again finds its notification and does nothing more.
   */
  async record(
    manager: EntityManager,
    eventId: string,
    draft: NotificationDraft,
    /** Key of the email's delivery: the event's id, unless one event emails several people. */
    emailKey: string = eventId,
  ): Promise<void> {
    const text = renderNotification(draft.type, draft.locale, draft.data);
    const notification = await this.notifications.insert(manager, {
      accountId: draft.accountId,
      eventId,
      type: draft.type,
      category: draft.category,
      locale: draft.locale,
      title: text.title,
      body: text.body,
      link: draft.link,
      data: draft.data,
    });
    if (!notification) return;
    if (
      draft.email &&
      (await this.preferences.emailWanted(manager, draft.accountId, draft.category))
    ) {
      // The rules pair each template with the notification types it renders.
      await this.emails.scheduleForAccount(manager, emailKey, {
        template: draft.email,
        accountId: draft.accountId,
        data: { type: draft.type, data: draft.data, link: draft.link },
      } as AccountEmailRequest);
    }
    if (draft.sms) await this.sms.schedule(notification.id);
    this.bell.publishAfterCommit(manager, mapBellMessage(notification));
  }

  async list(caller: Caller, query: ListNotificationsQuery): Promise<NotificationListView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [items, counts] = await Promise.all([
      this.notifications.list(caller.accountId, {
        unread: query.unread,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      this.notifications.count(caller.accountId, query.unread),
    ]);
    return {
      items: items.map((n) => mapNotification(n, localeOf(query))),
      unreadCount: counts.unread,
      total: counts.total,
      page,
      pageSize,
    };
  }

  /** Someone else's notification is 404, like one that does not exist. */
  async markRead(caller: Caller, id: string, locale?: Locale): Promise<NotificationView> {
    const notification = await this.notifications.markRead(caller.accountId, id);
    if (!notification) {
      throw new DomainError(NotificationErrors.notFound);
    }
    return mapNotification(notification, locale ?? 'vi');
  }

  async markAllRead(caller: Caller): Promise<MarkAllReadView> {
    const updated = await this.notifications.markAllRead(caller.accountId);
    return { updated, unreadCount: 0 };
  }

  /** What a live stream missed (SSE Last-Event-ID), oldest first. */
  async listAfter(caller: Caller, input: NotificationsAfterInput): Promise<NotificationsAfterView> {
    const items = await this.notifications.listAfter(
      caller.accountId,
      input.afterId,
      input.limit ?? REPLAY_LIMIT,
    );
    return { items: items.map((n) => mapNotification(n, localeOf(input))) };
  }
}

/** Dossier events do not know the reader's language: the reader says it, Vietnamese otherwise. */
function localeOf(input: { locale?: Locale }): Locale {
  return input.locale === 'en' ? 'en' : 'vi';
}
