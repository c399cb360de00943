import { api, files, uploader } from './http';
import { LICENCE_RENEWAL, licenceRenewalForm } from './licence-renewal';

/** A dossier as the gateway shows it, with what the journeys read. */
export interface DossierBody {
  id: string;
  code: string | null;
  status: string;
  statusCode: number;
  receivedAt: string | null;
  dueAt: string | null;
  components: {
    componentId: string;
    required: boolean;
    attachments: { id: string; fileId: string; fileName: string }[];
  }[];
  results: { fileId: string; downloadUrl: string }[];
  history: { from: string | null; to: string }[];
}

export interface Submitted {
  id: string;
  code: string;
  lookupKey: string;
  status: string;
}

/**
 * Builds dossiers of the licence renewal through the gateway, as far along as a test needs,
 * the way a citizen and the demo officer would. Every step must succeed.
 */
export function dossierFactory(call: ReturnType<typeof api>, upload: ReturnType<typeof uploader>) {
  const post = async <T>(path: string, token: string, body: unknown = {}): Promise<T> => {
    const reply = await call<T>('POST', path, { token, body });
    expect(reply.status).toBeLessThan(300);
    return reply.body;
  };

  /** A document kept in the citizen's wallet (giấy tờ cá nhân), from the file `<label>.pdf`. */
  async function newWalletDocument(citizen: string, label = 'gplx-cu'): Promise<{ id: string }> {
    const wallet = await upload<{ id: string }>(
      '/me/documents',
      { type: 'other', title: 'Giấy phép lái xe cũ', number: '010203040506' },
      files.pdf(label),
      citizen,
    );
    expect(wallet.status).toBe(201);
    return wallet.body;
  }

  async function newDraft(citizen: string, procedureCode = LICENCE_RENEWAL): Promise<DossierBody> {
    const created = await call<DossierBody>('POST', '/dossiers', {
      token: citizen,
      body: { procedureCode },
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  /** The form filled in, the request uploaded (don-de-nghi.pdf), the licence from the wallet (gplx-cu.pdf). */
  async function newCompleteDraft(citizen: string): Promise<DossierBody> {
    const draft = await newDraft(citizen);
    const saved = await call('PATCH', `/dossiers/${draft.id}`, {
      token: citizen,
      body: { formData: licenceRenewalForm, deliveryMethod: 'online' },
    });
    expect(saved.status).toBe(200);
    const uploaded = await upload(
      `/dossiers/${draft.id}/attachments`,
      { componentId: 'de-nghi-doi-gplx' },
      files.pdf('don-de-nghi'),
      citizen,
    );
    expect(uploaded.status).toBe(201);
    const document = await newWalletDocument(citizen);
    await post(`/dossiers/${draft.id}/attachments/from-document`, citizen, {
      documentId: document.id,
      componentId: 'ban-sao-gplx',
    });
    return draft;
  }

  async function newSubmittedDossier(citizen: string): Promise<Submitted> {
    const draft = await newCompleteDraft(citizen);
    return post<Submitted>(`/dossiers/${draft.id}/submit`, citizen);
  }

  async function newReceivedDossier(citizen: string, officer: string): Promise<Submitted> {
    const submitted = await newSubmittedDossier(citizen);
    await post(`/officer/dossiers/${submitted.id}/actions/receive`, officer);
    return submitted;
  }

  /** Received, paused for a health certificate the citizen supplied, then started: PROCESSING. */
  async function newProcessingDossier(citizen: string, officer: string): Promise<Submitted> {
    const submitted = await newReceivedDossier(citizen, officer);
    const { id } = submitted;
    await post(`/officer/dossiers/${id}/actions/request-supplement`, officer, {
      missing: ['Giấy khám sức khỏe của người lái xe'],
      note: 'Bổ sung giấy khám sức khỏe',
    });
    const added = await upload(
      `/dossiers/${id}/attachments`,
      { componentId: 'giay-kham-suc-khoe' },
      files.pdf('giay-kham'),
      citizen,
    );
    expect(added.status).toBe(201);
    await post(`/dossiers/${id}/supplement`, citizen, { note: 'Đã bổ sung' });
    await post(`/officer/dossiers/${id}/actions/start`, officer);
    return submitted;
  }

  /** Processed to the end: the result giay-phep-lai-xe-moi.pdf returned to the citizen. */
  async function newReturnedDossier(
    citizen: string,
    officer: string,
  ): Promise<Submitted & { resultFileId: string }> {
    const submitted = await newProcessingDossier(citizen, officer);
    const { id } = submitted;
    const result = await upload<{ fileId: string }>(
      `/officer/dossiers/${id}/results`,
      {},
      files.pdf('giay-phep-lai-xe-moi'),
      officer,
    );
    expect(result.status).toBe(201);
    await post(`/officer/dossiers/${id}/actions/complete`, officer, { note: 'Đã cấp GPLX' });
    await post(`/officer/dossiers/${id}/actions/return`, officer);
    return { ...submitted, resultFileId: result.body.fileId };
  }

  return {
    newWalletDocument,
    newDraft,
    newCompleteDraft,
    newSubmittedDossier,
    newReceivedDossier,
    newProcessingDossier,
    newReturnedDossier,
  };
}
