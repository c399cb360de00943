import type { MarkAllReadView, NotificationListView, NotificationView } from '@dvc/contracts';
import { api, query } from '../api/http';

export const notificationsApi = {
  list: (locale: string) =>
    api<NotificationListView>('GET', `/notifications${query({ pageSize: 10, locale })}`),
  read: (id: string) => api<NotificationView>('POST', `/notifications/${id}/read`),
  readAll: () => api<MarkAllReadView>('POST', '/notifications/read-all'),
};

export const NOTIFICATIONS_KEY = ['notifications'] as const;
