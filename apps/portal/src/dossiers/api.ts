import type {
  AttachmentView,
  DeliveryAddressView,
  DeliveryMethod,
  DossierStatusName,
  DossierSummary,
  DossierView,
  Page,
  RateDossierDto,
  RatingView,
  SubmitResult,
} from '@dvc/contracts';
import { body, client } from '../api/client';
import { uploadWithProgress, type UploadProgress } from '../files/transfer';

export const dossiersApi = {
  create: (procedureCode: string, caseId?: string) =>
    body<DossierView>(
      client.POST('/api/v1/dossiers', { body: { procedureCode, ...(caseId ? { caseId } : {}) } }),
    ),
  list: (filter: { status?: DossierStatusName; page?: number; pageSize?: number }) =>
    body<Page<DossierSummary>>(client.GET('/api/v1/dossiers', { params: { query: filter } })),
  get: (id: string) =>
    body<DossierView>(client.GET('/api/v1/dossiers/{id}', { params: { path: { id } } })),
  update: (
    id: string,
    changes: {
      formData?: Record<string, unknown>;
      deliveryMethod?: DeliveryMethod;
      deliveryAddress?: DeliveryAddressView;
    },
  ) =>
    body<DossierView>(
      client.PATCH('/api/v1/dossiers/{id}', { params: { path: { id } }, body: changes }),
    ),
  attach: (id: string, componentId: string, file: File, onProgress: (p: UploadProgress) => void) =>
    uploadWithProgress<AttachmentView>(
      `/dossiers/${id}/attachments`,
      { componentId },
      file,
      onProgress,
    ),
  attachFromDocument: (id: string, componentId: string, documentId: string) =>
    body<AttachmentView>(
      client.POST('/api/v1/dossiers/{id}/attachments/from-document', {
        params: { path: { id } },
        body: { componentId, documentId },
      }),
    ),
  detach: (id: string, attachmentId: string) =>
    body<undefined>(
      client.DELETE('/api/v1/dossiers/{id}/attachments/{attachmentId}', {
        params: { path: { id, attachmentId } },
      }),
    ),
  submit: (id: string, idempotencyKey: string) =>
    body<SubmitResult>(
      client.POST('/api/v1/dossiers/{id}/submit', {
        params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
      }),
    ),
  supplement: (id: string, note?: string) =>
    body<DossierView>(
      client.POST('/api/v1/dossiers/{id}/supplement', {
        params: { path: { id } },
        body: note ? { note } : {},
      }),
    ),
  withdraw: (id: string, note?: string) =>
    body<DossierView>(
      client.POST('/api/v1/dossiers/{id}/withdraw', {
        params: { path: { id } },
        body: note ? { note } : {},
      }),
    ),
  rate: (id: string, rating: RateDossierDto) =>
    body<RatingView>(
      client.POST('/api/v1/dossiers/{id}/rating', { params: { path: { id } }, body: rating }),
    ),
};

export const dossierKey = (id: string) => ['dossier', id] as const;
