import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Caller,
  PersonalDocumentView,
  StorageErrors,
  DomainError,
  CreateDocumentInput,
  DeletedDocument,
  DocumentIdInput,
  ResultDocumentInput,
} from '@dvc/contracts';
import { FileNotFoundError } from '../files/file.errors';
import { FilesRepository } from '../files/files.repository';
import { FilesService } from '../files/files.service';
import { mapPersonalDocumentView } from './documents.dto';
import { Requester, assertService } from '../requester';
import { DocumentsRepository } from './documents.repository';
import { StorageConfig } from '../storage.config';
import { WalletQuota, assertWalletRoom } from './wallet-quota';

/**
 * The personal document wallet (giấy tờ cá nhân): a citizen's own documents, each backed by
 * one clean `wallet` file. Someone else's document is 404, as if it did not exist.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly files: FilesRepository,
    private readonly filesService: FilesService,
    private readonly dataSource: DataSource,
    config: StorageConfig,
  ) {
    this.quota = { maxDocuments: config.WALLET_MAX_DOCUMENTS, maxBytes: config.WALLET_MAX_BYTES };
  }

  private readonly quota: WalletQuota;

  async create(caller: Caller, input: CreateDocumentInput): Promise<PersonalDocumentView> {
    const file = await this.files.find(input.fileId);
    if (!file || file.status !== 'clean' || file.owner_id !== caller.accountId) {
      throw new FileNotFoundError();
    }
    if (file.purpose !== 'wallet') {
      throw new DomainError(StorageErrors.documentFileNotWallet);
    }
    const id = await this.dataSource.transaction(async (manager) => {
      assertWalletRoom(
        await this.documents.lockUsage(manager, caller.accountId),
        Number(file.size),
        this.quota,
      );
      return this.documents.insert(manager, {
        ownerId: caller.accountId,
        type: input.type,
        title: input.title.trim(),
        number: input.number?.trim() || null,
        issuedAt: input.issuedAt ? input.issuedAt.slice(0, 10) : null,
        fileId: file.id,
      });
    });
    if (!id) {
      throw new DomainError(StorageErrors.documentFileInUse);
    }
    return this.get(caller, { documentId: id });
  }

  /**
   * A delivered e-result into the citizen's wallet: a copy of the signed file, owned by the
   * citizen, kept as `source: result` with the dossier code, so the next dossier can reuse it.
   */
  async addResult(requester: Requester, input: ResultDocumentInput): Promise<PersonalDocumentView> {
    assertService(requester);
    const already = await this.documents.findByIssuedFile(input.ownerId, input.fileId);
    if (already) return mapPersonalDocumentView(already);
    const copy = await this.filesService.copy(requester, {
      fileId: input.fileId,
      ownerId: input.ownerId,
      purpose: 'wallet',
    });
    const id = await this.dataSource.transaction((manager) =>
      this.documents.insertResult(
        {
          ownerId: input.ownerId,
          title: `Kết quả hồ sơ ${input.dossierCode}`,
          fileId: copy.id,
          dossierCode: input.dossierCode,
          issuedFileId: input.fileId,
        },
        manager,
      ),
    );
    if (!id) {
      // A concurrent delivery won: the copy made here is not needed.
      await this.files.markDeleted(copy.id);
      await this.filesService.purge([copy.id]);
      return mapPersonalDocumentView(
        (await this.documents.findByIssuedFile(input.ownerId, input.fileId))!,
      );
    }
    return this.get(
      { accountId: input.ownerId, roles: ['citizen'], agencies: [] },
      { documentId: id },
    );
  }

  async list(caller: Caller): Promise<PersonalDocumentView[]> {
    return (await this.documents.list(caller.accountId)).map(mapPersonalDocumentView);
  }

  async get(caller: Caller, input: DocumentIdInput): Promise<PersonalDocumentView> {
    const row = await this.documents.find(caller.accountId, input.documentId);
    if (!row) throw documentNotFound();
    return mapPersonalDocumentView(row);
  }

  /**
   * Deletes the document and its wallet file. Copies already attached to dossiers are files
   * of their own and stay.
   */
  async delete(caller: Caller, input: DocumentIdInput): Promise<DeletedDocument> {
    const fileId = await this.dataSource.transaction(async (manager) => {
      const id = await this.documents.markDeleted(manager, caller.accountId, input.documentId);
      if (id) await this.files.markDeleted(id, manager);
      return id;
    });
    if (!fileId) throw documentNotFound();
    await this.filesService.purge([fileId]);
    return { id: input.documentId, deleted: true };
  }
}

function documentNotFound(): DomainError {
  return new DomainError(StorageErrors.documentNotFound);
}
