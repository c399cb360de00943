import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AddAttachmentInput,
  AttachFromDocumentInput,
  AttachmentView,
  Caller,
  ComponentRefInput,
  DomainError,
  RemoveAttachmentInput,
  RemovedView,
  StoredFileView,
  UploadQuotaView,
  DossierErrors,
  StorageErrors,
} from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import { DossierConfig } from '../dossier.config';
import { assertEditable, ownDossier, wrongStatus } from '../dossiers/dossier-access';
import type { Dossier } from '../dossiers/dossiers.dto';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { FileStore } from '../neighbours/file-store';
import type { OnBehalfOf } from '../neighbours/neighbour-clients';
import { Attachment, mapAttachmentView } from './attachments.dto';
import { AttachmentsRepository, FileAlreadyAttachedError } from './attachments.repository';

/**
 * Thành phần hồ sơ: files the citizen attaches to the component slots of a draft (or adds
 * while answering a supplement request), uploaded or taken from the document wallet.
 * The bodies live in document-storage; here are the slots, the quota and the ownership rules.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('AttachmentsService');
  private readonly maxBytes: number;

  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly files: FileStore,
    config: DossierConfig,
  ) {
    this.maxBytes = config.MAX_DOSSIER_BYTES;
  }

  /** Before an upload: may the caller attach here now, and how many bytes are left? */
  async prepare(caller: Caller, input: ComponentRefInput): Promise<UploadQuotaView> {
    const read = await this.dossiers.findWithAttachments(input.dossierId);
    const d = ownDossier(caller, read?.dossier ?? null);
    assertEditable(d);
    assertComponent(d, input.componentId);
    const remaining = this.maxBytes - bytesOf(read!.attachments);
    if (remaining <= 0) throw this.quotaExceeded();
    return { remainingBytes: remaining, maxBytes: this.maxBytes };
  }

  /** Attaches a file the citizen uploaded (purpose `attachment`, scanned clean). */
  async add(caller: Caller, input: AddAttachmentInput, on: OnBehalfOf): Promise<AttachmentView> {
    // The dossier is checked under its lock in attach(): `prepare` checked it before the upload.
    const file = usableFile(caller, await this.files.file(input.fileId, on));
    const attachment = await this.attach(
      caller,
      input.dossierId,
      input.componentId,
      file,
      'upload',
      on,
    );
    await this.files.claim([file.id], on);
    return mapAttachmentView(attachment);
  }

  /** Attaches a copy of a document of the citizen's wallet (giấy tờ cá nhân), without uploading again. */
  async attachFromDocument(
    caller: Caller,
    input: AttachFromDocumentInput,
    on: OnBehalfOf,
  ): Promise<AttachmentView> {
    const d = ownDossier(caller, await this.dossiers.find(input.dossierId));
    assertEditable(d);
    assertComponent(d, input.componentId);
    const document = await this.files.document(input.documentId, on);
    if (!document) throw new DomainError(StorageErrors.documentNotFound);
    // Refuse before copying anything when it cannot fit anyway.
    if ((await this.attachments.totalSize(d.id)) + document.file.size > this.maxBytes)
      throw this.quotaExceeded();
    const copy = usableFile(caller, await this.files.copy(document.fileId, 'attachment', on));
    let attachment: Attachment;
    try {
      attachment = await this.attach(caller, d.id, input.componentId, copy, 'wallet', on);
    } catch (err) {
      await this.discard(copy.id, on);
      throw err;
    }
    await this.files.claim([copy.id], on);
    return mapAttachmentView(attachment);
  }

  /**
   * Gỡ tệp: in a draft any attachment; while answering a supplement request only the ones
   * added for it (what was submitted stays as the agency received it).
   */
  async remove(caller: Caller, input: RemoveAttachmentInput, on: OnBehalfOf): Promise<RemovedView> {
    const removed = await this.unitOfWork.run(on.correlationId, async ({ manager }) => {
      const d = ownDossier(caller, await this.dossiers.lock(manager, input.dossierId));
      assertEditable(d);
      const current = (await this.attachments.active(d.id, manager)).find(
        (a) => a.id === input.attachmentId,
      );
      if (!current) throw attachmentNotFound();
      if (d.status === 'SUPPLEMENT_REQUESTED' && !current.supplement) {
        throw wrongStatus(DossierErrors.attachmentSubmitted, d.status);
      }
      return (await this.attachments.remove(manager, d.id, current.id, new Date()))!;
    });
    await this.discard(removed.fileId, on);
    return { removed: true };
  }

  /** Records the file in the slot, under the dossier lock so the quota check cannot race. */
  private attach(
    caller: Caller,
    dossierId: string,
    componentId: string,
    file: StoredFileView,
    source: Attachment['source'],
    on: OnBehalfOf,
  ): Promise<Attachment> {
    return this.unitOfWork.run(on.correlationId, async ({ manager }) => {
      const locked = await this.dossiers.lockWithAttachments(manager, dossierId);
      const d = ownDossier(caller, locked?.dossier ?? null);
      assertEditable(d);
      assertComponent(d, componentId);
      const attached = locked!.attachments;
      const existing = attached.find((a) => a.fileId === file.id);
      if (existing?.componentId === componentId) return existing; // a retry
      if (existing) throw fileInUse();
      // In another dossier's slot, the file fails the insert below (one active slot per file).
      if (bytesOf(attached) + file.size > this.maxBytes) throw this.quotaExceeded();
      try {
        return await this.attachments.insert(manager, {
          id: randomUUID(),
          dossierId: d.id,
          componentId,
          fileId: file.id,
          fileName: file.fileName,
          contentType: file.contentType,
          size: file.size,
          sha256: file.sha256,
          source,
          supplement: d.status === 'SUPPLEMENT_REQUESTED',
        });
      } catch (err) {
        if (err instanceof FileAlreadyAttachedError) throw fileInUse();
        throw err;
      }
    });
  }

  /** The file is no longer in any slot: storage may drop it. Failing here only leaves an orphan for its cleanup. */
  private async discard(fileId: string, on: OnBehalfOf): Promise<void> {
    try {
      await this.files.delete(fileId, on);
    } catch (err) {
      this.logger.warn(`file ${fileId} not deleted in storage: ${(err as Error).message}`);
    }
  }

  private quotaExceeded(): DomainError {
    return new DomainError(DossierErrors.quotaExceeded, {
      params: { maxMb: Math.floor(this.maxBytes / (1024 * 1024)) },
      extra: { maxBytes: this.maxBytes },
    });
  }
}

function bytesOf(attachments: Attachment[]): number {
  return attachments.reduce((total, a) => total + a.size, 0);
}

function assertComponent(d: Dossier, componentId: string): void {
  if (!d.procedure.components.some((c) => c.id === componentId)) {
    throw new DomainError(DossierErrors.componentUnknown, {
      errors: [{ field: 'componentId', message: 'Thành phần hồ sơ không thuộc thủ tục' }],
    });
  }
}

/** A file the caller owns, uploaded as an attachment and scanned clean; anything else is refused. */
function usableFile(caller: Caller, file: StoredFileView | null): StoredFileView {
  if (!file || file.ownerId !== caller.accountId || file.status === 'deleted') {
    throw new DomainError(StorageErrors.fileNotFound);
  }
  if (file.purpose !== 'attachment') {
    throw new DomainError(DossierErrors.filePurpose, {
      errors: [{ field: 'fileId', message: 'Tệp không dùng để đính kèm hồ sơ' }],
    });
  }
  if (file.status !== 'clean') {
    throw new DomainError(DossierErrors.fileRejected, {
      errors: [{ field: 'fileId', message: 'Tệp bị từ chối khi quét mã độc' }],
    });
  }
  return file;
}

function attachmentNotFound(): DomainError {
  return new DomainError(DossierErrors.attachmentNotFound);
}

function fileInUse(): DomainError {
  return new DomainError(DossierErrors.attachmentFileInUse);
}
