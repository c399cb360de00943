import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  StoredFileView,
  StorageErrors,
  RequestErrors,
  DomainError,
  FILE_READING_SERVICES,
  FilePurpose,
  FileReader,
  ClaimFilesInput,
  ClaimFilesResult,
  CopyFileInput,
  FileIdInput,
} from '@dvc/contracts';
import { ObjectStore, cleanKey } from '../object-store/object-store';
import type { Requester } from '../requester';
import { FileNotFoundError } from './file.errors';
import { SettledFileRow, mapStoredFileView } from './files.dto';
import { FilesRepository } from './files.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stored files after their upload: read, copy, claim, delete. Only clean files exist for
 * callers; an infected or deleted one is 404, like someone else's.
 */
@Injectable()
export class FilesService {
  private readonly logger = new Logger(FilesService.name);

  constructor(
    private readonly files: FilesRepository,
    private readonly store: ObjectStore,
  ) {}

  async get(requester: Requester, input: FileIdInput): Promise<StoredFileView> {
    return mapStoredFileView(await this.readable(requester, input.fileId));
  }

  async delete(requester: Requester, input: FileIdInput): Promise<StoredFileView> {
    await this.readable(requester, input.fileId);
    if (await this.files.usedByDocument(input.fileId)) {
      throw new DomainError(StorageErrors.fileInUse);
    }
    const deleted = await this.files.markDeleted(input.fileId);
    if (!deleted) throw new FileNotFoundError(); // deleted meanwhile
    await this.purge([deleted.id]);
    return mapStoredFileView(deleted);
  }

  /**
   * Server-side copy of a clean file (a wallet document attached to a dossier): a new file
   * with its own id and object, the same bytes and SHA-256. Deleting either leaves the other.
   * An account copies only its own files, to itself (`ownerId` may be left out); a service
   * copies any file to the `ownerId` it names.
   */
  async copy(requester: Requester, input: CopyFileInput): Promise<StoredFileView> {
    const source = await this.readable(requester, input.fileId);
    const ownerId = requester.kind === 'account' ? requester.caller.accountId : input.ownerId;
    if (!ownerId) {
      throw new DomainError(RequestErrors.validationFailed, {
        errors: [{ field: 'ownerId', message: 'bắt buộc khi không có người gọi' }],
      });
    }
    if (input.ownerId !== undefined && input.ownerId !== ownerId) {
      throw new DomainError(StorageErrors.copyForbidden);
    }
    const id = randomUUID();
    await this.store.copy(cleanKey(source.id), cleanKey(id));
    try {
      const row = await this.files.insert({
        id,
        ownerId,
        purpose: input.purpose,
        fileName: source.file_name,
        contentType: source.content_type,
        size: Number(source.size),
        sha256: source.sha256,
        status: 'clean',
        copiedFrom: source.id,
      });
      return mapStoredFileView(row);
    } catch (err) {
      await this.store.remove(cleanKey(id)).catch(() => undefined);
      throw err;
    }
  }

  /** The dossier service says these files now belong to a dossier: cleanup keeps them. */
  async claim(requester: Requester, input: ClaimFilesInput): Promise<ClaimFilesResult> {
    const ownerId = requester.kind === 'account' ? requester.caller.accountId : null;
    return { claimed: await this.files.claim([...new Set(input.fileIds)], ownerId) };
  }

  /**
   * The bytes of a clean file for the internal download route (the gateway checked who may
   * read it). `ownerId`, when the gateway sends it, must match too.
   */
  async openContent(
    fileId: string,
    reader: FileReader,
  ): Promise<{ file: StoredFileView; body: Readable }> {
    if (!UUID.test(fileId)) throw new FileNotFoundError();
    const row = await this.files.find(fileId);
    if (!row || row.status !== 'clean' || !mayRead(reader, row.owner_id, row.purpose)) {
      throw new FileNotFoundError();
    }
    const body = await this.store.read(cleanKey(row.id)).catch((err: { code?: string }) => {
      if (err.code === 'NoSuchKey' || err.code === 'NotFound') throw new FileNotFoundError();
      throw err;
    });
    return { file: mapStoredFileView(row), body };
  }

  /**
   * Removes the objects of files already marked deleted, and records it. One that fails
   * stays unpurged and the cleanup job tries it again.
   */
  async purge(ids: string[]): Promise<void> {
    const purged: string[] = [];
    for (const id of ids) {
      try {
        await this.store.remove(cleanKey(id));
        purged.push(id);
      } catch (err) {
        this.logger.warn(`object of deleted file ${id} not removed yet: ${(err as Error).message}`);
      }
    }
    await this.files.markPurged(purged);
  }

  /** A clean file the requester may read, or 404 (401 without a caller). */
  private async readable(requester: Requester, fileId: string): Promise<SettledFileRow> {
    const row = await this.files.find(fileId);
    if (!row || row.status !== 'clean') throw new FileNotFoundError();
    if (requester.kind === 'account' && row.owner_id !== requester.caller.accountId) {
      throw new FileNotFoundError();
    }
    return row;
  }
}

/** The owner reads their own file; a service principal only the purposes it is named for. */
function mayRead(reader: FileReader, ownerId: string, purpose: FilePurpose): boolean {
  if ('ownerId' in reader) return reader.ownerId === ownerId;
  return (FILE_READING_SERVICES[reader.service] as readonly FilePurpose[]).includes(purpose);
}
