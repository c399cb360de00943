import { body, client } from '../api/client';

/** Đồng bộ với Cổng DVC quốc gia: the admin routes of the public API. */
export const nationalSyncApi = {
  summary: () => body(client.GET('/api/v1/admin/national-sync')),
  failed: (page: number, pageSize: number) =>
    body(
      client.GET('/api/v1/admin/national-sync/failed', { params: { query: { page, pageSize } } }),
    ),
  retry: (id: string) =>
    body(
      client.POST('/api/v1/admin/national-sync/failed/{id}/retry', { params: { path: { id } } }),
    ),
  importCatalogue: () =>
    body(client.POST('/api/v1/admin/national-sync/catalogue-import', { body: {} })),
};
