import type { OfficerAction } from '../api/views';
import { body, client, type ApiQuery, type ApiSchemas, type PostAnswer } from '../api/client';
import { uploadWithProgress, type UploadProgress } from '../files/transfer';

export type QueueFilter = ApiQuery<'/api/v1/officer/dossiers'>;

export type ActionInput = ApiSchemas['OfficerActionDto'];

export const officerApi = {
  queue: (filter: QueueFilter) =>
    body(client.GET('/api/v1/officer/dossiers', { params: { query: filter } })),
  get: (id: string) =>
    body(client.GET('/api/v1/officer/dossiers/{id}', { params: { path: { id } } })),
  act: (id: string, action: OfficerAction, input: ActionInput) =>
    body(
      client.POST('/api/v1/officer/dossiers/{id}/actions/{action}', {
        params: { path: { id, action } },
        body: input,
      }),
    ),
  apologize: (id: string, input: ApiSchemas['ApologizeDto']) =>
    body(
      client.POST('/api/v1/officer/dossiers/{id}/actions/apologize', {
        params: { path: { id } },
        body: input,
      }),
    ),
  addResult: (id: string, file: File, onProgress: (p: UploadProgress) => void) =>
    uploadWithProgress<PostAnswer<'/api/v1/officer/dossiers/{id}/results'>>(
      `/officer/dossiers/${id}/results`,
      {},
      file,
      onProgress,
    ),
  ratings: (filter: { score?: number; page?: number; pageSize?: number }) =>
    body(client.GET('/api/v1/officer/ratings', { params: { query: filter } })),
};

export const officerKey = (id: string) => ['dossier', 'officer', id] as const;
