import type { MarkAllReadView, NotificationListView, NotificationView } from '@dvc/contracts';
import { body, client } from '../api/client';

export const notificationsApi = {
  list: (locale: 'vi' | 'en') =>
    body<NotificationListView>(
      client.GET('/api/v1/notifications', { params: { query: { pageSize: 10, locale } } }),
    ),
  read: (id: string) =>
    body<NotificationView>(
      client.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }),
    ),
  readAll: () => body<MarkAllReadView>(client.POST('/api/v1/notifications/read-all')),
};

export const NOTIFICATIONS_KEY = ['notifications'] as const;
