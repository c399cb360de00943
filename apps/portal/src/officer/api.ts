import type {
  DossierStatusName,
  OfficerAction,
  OfficerDossierSummary,
  OfficerDossierView,
  Page,
  ResultFileView,
} from '@dvc/contracts';
import { api, query } from '../api/http';
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
    api<Page<OfficerDossierSummary>>('GET', `/officer/dossiers${query({ ...filter })}`),
  get: (id: string) => api<OfficerDossierView>('GET', `/officer/dossiers/${id}`),
  act: (id: string, action: OfficerAction, input: ActionInput) =>
    api<OfficerDossierView>('POST', `/officer/dossiers/${id}/actions/${action}`, input),
  addResult: (id: string, file: File, onProgress: (p: UploadProgress) => void) =>
    uploadWithProgress<ResultFileView>(`/officer/dossiers/${id}/results`, {}, file, onProgress),
};

export const officerKey = (id: string) => ['dossier', 'officer', id] as const;
