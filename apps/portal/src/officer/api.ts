import type {
  DossierStatusName,
  OfficerAction,
  OfficerDossierSummary,
  OfficerDossierView,
  Page,
  ResultFileView,
} from '@dvc/contracts';
import { body, client } from '../api/client';
import { uploadWithProgress, type UploadProgress } from '../files/transfer';

export interface QueueFilter {
  status?: DossierStatusName;
  q?: string;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

export interface ActionInput {
  note?: string;
  amount?: number;
  deliveryTracking?: string;
  missing?: string[];
  deadline?: string;
}

export const officerApi = {
  queue: (filter: QueueFilter) =>
    body<Page<OfficerDossierSummary>>(
      client.GET('/api/v1/officer/dossiers', { params: { query: filter } }),
    ),
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
  addResult: (id: string, file: File, onProgress: (p: UploadProgress) => void) =>
    uploadWithProgress<ResultFileView>(`/officer/dossiers/${id}/results`, {}, file, onProgress),
};

export const officerKey = (id: string) => ['dossier', 'officer', id] as const;
