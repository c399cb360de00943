import type {
  AgencyRatingsPage,
  OfficerAction,
  OfficerDossierView,
  OfficerQueuePage,
  ResultFileView,
} from '@dvc/contracts';
import { body, client, type ApiQuery, type ApiSchemas } from '../api/client';
import { uploadWithProgress, type UploadProgress } from '../files/transfer';

export type QueueFilter = ApiQuery<'/api/v1/officer/dossiers'>;

export type ActionInput = ApiSchemas['OfficerActionDto'];

export const officerApi = {
  queue: (filter: QueueFilter) =>
    body<OfficerQueuePage>(client.GET('/api/v1/officer/dossiers', { params: { query: filter } })),
  get: (id: string) =>
    body<OfficerDossierView>(
      client.GET('/api/v1/officer/dossiers/{id}', { params: { path: { id } } }),
    ),
  act: (id: string, action: OfficerAction, input: ActionInput) =>
    body<OfficerDossierView>(
      client.POST('/api/v1/officer/dossiers/{id}/actions/{action}', {
        params: { path: { id, action } },
        body: input,
      }),
    ),
  apologize: (id: string, input: ApiSchemas['ApologizeDto']) =>
    body<OfficerDossierView>(
      client.POST('/api/v1/officer/dossiers/{id}/actions/apologize', {
        params: { path: { id } },
        body: input,
      }),
    ),
  addResult: (id: string, file: File, onProgress: (p: UploadProgress) => void) =>
    uploadWithProgress<ResultFileView>(`/officer/dossiers/${id}/results`, {}, file, onProgress),
  ratings: (filter: { score?: number; page?: number; pageSize?: number }) =>
    body<AgencyRatingsPage>(client.GET('/api/v1/officer/ratings', { params: { query: filter } })),
};

export const officerKey = (id: string) => ['dossier', 'officer', id] as const;
