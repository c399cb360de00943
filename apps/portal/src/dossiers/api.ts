import type { RateDossierDto } from '@dvc/contracts';
import type { DeliveryAddressView, DeliveryMethod, DossierStatusName } from '../api/views';
import { body, client, type PostAnswer } from '../api/client';
import { uploadWithProgress, type UploadProgress } from '../files/transfer';

export const dossiersApi = {
  create: (procedureCode: string, caseId?: string) =>
    body(
      client.POST('/api/v1/dossiers', { body: { procedureCode, ...(caseId ? { caseId } : {}) } }),
    ),
  list: (filter: { status?: DossierStatusName; page?: number; pageSize?: number }) =>
    body(client.GET('/api/v1/dossiers', { params: { query: filter } })),
  get: (id: string) => body(client.GET('/api/v1/dossiers/{id}', { params: { path: { id } } })),
  update: (
    id: string,
    changes: {
      formData?: Record<string, unknown>;
      deliveryMethod?: DeliveryMethod;
      deliveryAddress?: DeliveryAddressView;
    },
  ) => body(client.PATCH('/api/v1/dossiers/{id}', { params: { path: { id } }, body: changes })),
  attach: (id: string, componentId: string, file: File, onProgress: (p: UploadProgress) => void) =>
    uploadWithProgress<PostAnswer<'/api/v1/dossiers/{id}/attachments'>>(
      `/dossiers/${id}/attachments`,
      { componentId },
      file,
      onProgress,
    ),
  attachFromDocument: (id: string, componentId: string, documentId: string) =>
    body(
      client.POST('/api/v1/dossiers/{id}/attachments/from-document', {
        params: { path: { id } },
        body: { componentId, documentId },
      }),
    ),
  detach: (id: string, attachmentId: string) =>
    body(
      client.DELETE('/api/v1/dossiers/{id}/attachments/{attachmentId}', {
        params: { path: { id, attachmentId } },
      }),
    ),
  submit: (id: string, idempotencyKey: string) =>
    body(
      client.POST('/api/v1/dossiers/{id}/submit', {
        params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
      }),
    ),
  supplement: (id: string, note?: string) =>
    body(
      client.POST('/api/v1/dossiers/{id}/supplement', {
        params: { path: { id } },
        body: note ? { note } : {},
      }),
    ),
  withdraw: (id: string, note?: string) =>
    body(
      client.POST('/api/v1/dossiers/{id}/withdraw', {
        params: { path: { id } },
        body: note ? { note } : {},
      }),
    ),
  rate: (id: string, rating: RateDossierDto) =>
    body(client.POST('/api/v1/dossiers/{id}/rating', { params: { path: { id } }, body: rating })),
};

export const dossierKey = (id: string) => ['dossier', id] as const;
