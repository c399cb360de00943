import type {
  FailedHubCallView,
  NationalSyncSummary,
  Page,
  ProcedureImportReport,
  RetriedHubCallView,
} from '@dvc/contracts';
import { body, client } from '../api/client';

/** Đồng bộ với Cổng DVC quốc gia: the admin routes of the public API. */
export const nationalSyncApi = {
  summary: () => body<NationalSyncSummary>(client.GET('/api/v1/admin/national-sync')),
  failed: (page: number, pageSize: number) =>
    body<Page<FailedHubCallView>>(
      client.GET('/api/v1/admin/national-sync/failed', { params: { query: { page, pageSize } } }),
    ),
  retry: (id: string) =>
    body<RetriedHubCallView>(
      client.POST('/api/v1/admin/national-sync/failed/{id}/retry', { params: { path: { id } } }),
    ),
  importCatalogue: () =>
    body<ProcedureImportReport>(
      client.POST('/api/v1/admin/national-sync/catalogue-import', { body: {} }),
    ),
};
