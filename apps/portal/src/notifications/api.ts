import { body, client } from '../api/client';

export const notificationsApi = {
  list: (locale: 'vi' | 'en') =>
    body(client.GET('/api/v1/notifications', { params: { query: { pageSize: 10, locale } } })),
  read: (id: string) =>
    body(client.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
  readAll: () => body(client.POST('/api/v1/notifications/read-all')),
};

export const NOTIFICATIONS_KEY = ['notifications'] as const;
