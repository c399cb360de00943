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
} from '@dvc/contracts';
import { FileNotFoundError } from '../files/file.errors';
import { FilesRepository } from '../files/files.repository';
import { FilesService } from '../files/files.service';
import { mapPersonalDocumentView } from './documents.dto';
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
