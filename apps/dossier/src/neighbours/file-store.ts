import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  FilePurpose,
  IssueDocumentInput,
  IssuedDocumentView,
  PersonalDocumentView,
  PresignedUploadRpc,
  PresignedUploadView,
  StorageRpc,
  StoredFileView,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { OnBehalfOf, STORAGE_RPC } from './neighbour-clients';

/**
 * What the dossier service needs from document-storage. File bodies never come here: only
 * metadata, server-side copies and the claim that keeps attached files from the cleanup.
 *
 * Inputs sent (caller = the citizen or officer this call is made for):
 * `storage.files.get {fileId}` → StoredFileView · `storage.documents.get {documentId}` →
 * PersonalDocumentView · `storage.files.copy {fileId, purpose}` → StoredFileView (new file,
 * owned by the caller) · `storage.files.claim {fileIds}` · `storage.files.delete {fileId}`.
 * As a service (no caller, `internal: true`), for agency systems that upload without the
 * gateway: `storage.files.presign_upload {ownerId, purpose, fileName?}` → PresignedUploadView ·
 * `storage.files.finalize {fileId, ownerId, maxBytes}` → StoredFileView (clean) ·
 * `storage.issued.result {fileId, dossierCode, agency}` → IssuedDocumentView ·
 * `storage.documents.from_result {ownerId, fileId, dossierCode}` → PersonalDocumentView ·
 * `storage.issued.document {documentType, sourceKey, ownerId, dossierCode, agency, fileName, pdf}`
 * → IssuedDocumentView.
 */
export abstract class FileStore {
  /** The file's metadata, or null when storage does not know it. */
  abstract file(fileId: string, on: OnBehalfOf): Promise<StoredFileView | null>;
  /** A document of the caller's wallet, or null when it is not theirs or does not exist. */
  abstract document(documentId: string, on: OnBehalfOf): Promise<PersonalDocumentView | null>;
  abstract copy(fileId: string, purpose: FilePurpose, on: OnBehalfOf): Promise<StoredFileView>;
  abstract claim(fileIds: string[], on: OnBehalfOf): Promise<void>;
  /** As a service: a file that belongs to no account (a PAKN's, stored as the PAKN's). */
  abstract serviceFile(
    fileId: string,
    correlationId: string | null,
  ): Promise<StoredFileView | null>;
  /** As a service: keeps such files from the orphan cleanup. */
  abstract serviceClaim(fileIds: string[], correlationId: string | null): Promise<void>;
  abstract delete(fileId: string, on: OnBehalfOf): Promise<void>;
  /** A URL to PUT one result file of `ownerId` (the dossier) to; the file stays pending until finalized. */
  abstract presignUpload(
    upload: { ownerId: string; fileName?: string },
    correlationId: string | null,
  ): Promise<PresignedUploadView>;
  /** The result signed by the agency (a PDF) or its signed cover sheet; the same on a retry. */
  abstract issueResult(
    issue: { fileId: string; dossierCode: string; agency: { code: string; name: string } },
    correlationId: string | null,
  ): Promise<IssuedDocumentView>;
  /** A letter drawn here (receipt, apology), stamped and signed by the agency; once per key. */
  abstract issueDocument(
    issue: Omit<IssueDocumentInput, 'internal' | 'pdf'> & { pdf: Buffer },
    correlationId: string | null,
  ): Promise<IssuedDocumentView>;
  /** A delivered e-result copied into the citizen's wallet (`source: result`); once. */
  abstract addResultToWallet(
    delivery: { ownerId: string; fileId: string; dossierCode: string },
    correlationId: string | null,
  ): Promise<PersonalDocumentView>;
  /** Checks what was PUT like any upload (type, size, scan) and keeps it: the clean file. */
  abstract finalize(
    upload: { fileId: string; ownerId: string; maxBytes: number },
    correlationId: string | null,
  ): Promise<StoredFileView>;
}

const CLAIM_BATCH = 100;

@Injectable()
export class RpcFileStore extends FileStore {
  constructor(@Inject(STORAGE_RPC) private readonly storage: RpcClient) {
    super();
  }

  file(fileId: string, on: OnBehalfOf): Promise<StoredFileView | null> {
    return nullWhenNotFound(this.storage.send(StorageRpc.getFile, { ...on, data: { fileId } }));
  }

  document(documentId: string, on: OnBehalfOf): Promise<PersonalDocumentView | null> {
    return nullWhenNotFound(
      this.storage.send(StorageRpc.getDocument, {
        ...on,
        data: { documentId },
      }),
    );
  }

  copy(fileId: string, purpose: FilePurpose, on: OnBehalfOf): Promise<StoredFileView> {
    return this.storage.send(StorageRpc.copyFile, {
      ...on,
      data: { fileId, purpose },
    });
  }

  serviceFile(fileId: string, correlationId: string | null): Promise<StoredFileView | null> {
    return nullWhenNotFound(
      this.storage.send(StorageRpc.getFile, {
        caller: null,
        correlationId,
        data: { fileId, internal: true },
      }),
    );
  }

  async serviceClaim(fileIds: string[], correlationId: string | null): Promise<void> {
    await this.storage.send(StorageRpc.claimFiles, {
      caller: null,
      correlationId,
      data: { fileIds, internal: true },
    });
  }

  async claim(fileIds: string[], on: OnBehalfOf): Promise<void> {
    // storage takes at most CLAIM_BATCH ids a call, and never an empty list
    for (let i = 0; i < fileIds.length; i += CLAIM_BATCH) {
      const batch = fileIds.slice(i, i + CLAIM_BATCH);
      await this.storage.send(StorageRpc.claimFiles, { ...on, data: { fileIds: batch } });
    }
  }

  async delete(fileId: string, on: OnBehalfOf): Promise<void> {
    await this.storage.send(StorageRpc.deleteFile, { ...on, data: { fileId } });
  }

  presignUpload(
    upload: { ownerId: string; fileName?: string },
    correlationId: string | null,
  ): Promise<PresignedUploadView> {
    return this.storage.send(PresignedUploadRpc.presignUpload, {
      caller: null,
      correlationId,
      data: { ...upload, purpose: 'result', internal: true },
    });
  }

  issueResult(
    issue: { fileId: string; dossierCode: string; agency: { code: string; name: string } },
    correlationId: string | null,
  ): Promise<IssuedDocumentView> {
    return this.storage.send(StorageRpc.issueResult, {
      caller: null,
      correlationId,
      data: { ...issue, internal: true },
    });
  }

  issueDocument(
    issue: Omit<IssueDocumentInput, 'internal' | 'pdf'> & { pdf: Buffer },
    correlationId: string | null,
  ): Promise<IssuedDocumentView> {
    return this.storage.send(StorageRpc.issueDocument, {
      caller: null,
      correlationId,
      data: { ...issue, pdf: issue.pdf.toString('base64'), internal: true },
    });
  }

  addResultToWallet(
    delivery: { ownerId: string; fileId: string; dossierCode: string },
    correlationId: string | null,
  ): Promise<PersonalDocumentView> {
    return this.storage.send(StorageRpc.addResultDocument, {
      caller: null,
      correlationId,
      data: { ...delivery, internal: true },
    });
  }

  finalize(
    upload: { fileId: string; ownerId: string; maxBytes: number },
    correlationId: string | null,
  ): Promise<StoredFileView> {
    return this.storage.send(PresignedUploadRpc.finalize, {
      caller: null,
      correlationId,
      data: { ...upload, internal: true },
    });
  }
}

async function nullWhenNotFound<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof DomainError && err.status === 404) return null;
    throw err;
  }
}
