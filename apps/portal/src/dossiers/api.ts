import type {
  AttachmentView,
  DeliveryAddressView,
  DeliveryMethod,
  DossierStatusName,
  DossierSummary,
  DossierView,
  Page,
  SubmitResult,
} from '@dvc/contracts';
import { api, query } from '../api/http';
import { uploadWithProgress, type UploadProgress } from '../files/transfer';

export const dossiersApi = {
  create: (procedureCode: string, caseId?: string) =>
    api<DossierView>('POST', '/dossiers', { procedureCode, ...(caseId ? { caseId } : {}) }),
  list: (filter: { status?: DossierStatusName; page?: number; pageSize?: number }) =>
    api<Page<DossierSummary>>('GET', `/dossiers${query(filter)}`),
  get: (id: string) => api<DossierView>('GET', `/dossiers/${id}`),
  update: (
    id: string,
    changes: {
      formData?: Record<string, unknown>;
      deliveryMethod?: DeliveryMethod;
      deliveryAddress?: DeliveryAddressView;
    },
  ) => api<DossierView>('PATCH', `/dossiers/${id}`, changes),
  attach: (id: string, componentId: string, file: File, onProgress: (p: UploadProgress) => void) =>
    uploadWithProgress<AttachmentView>(
      `/dossiers/${id}/attachments`,
      { componentId },
      file,
      onProgress,
    ),
  attachFromDocument: (id: string, componentId: string, documentId: string) =>
    api<AttachmentView>('POST', `/dossiers/${id}/attachments/from-document`, {
      componentId,
      documentId,
    }),
  detach: (id: string, attachmentId: string) =>
    api<undefined>('DELETE', `/dossiers/${id}/attachments/${attachmentId}`),
  submit: (id: string, idempotencyKey: string) =>
    api<SubmitResult>('POST', `/dossiers/${id}/submit`, undefined, {
      'idempotency-key': idempotencyKey,
    }),
  supplement: (id: string, note?: string) =>
    api<DossierView>('POST', `/dossiers/${id}/supplement`, note ? { note } : {}),
  withdraw: (id: string, note?: string) =>
    api<DossierView>('POST', `/dossiers/${id}/withdraw`, note ? { note } : {}),
};

export const dossierKey = (id: string) => ['dossier', id] as const;
