import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from 'typeorm';
import {
  Events,
  FilePurpose,
  FinalizeUploadInput,
  PresignUploadInput,
  PresignedUploadView,
  StoredFileView,
} from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import { ObjectStore, cleanKey, quarantineKey } from '../object-store/object-store';
import { Requester, assertService } from '../requester';
import { ScanPass, ScanRefusedError } from '../scanning/scan-pass';
import { ScanVerdict, Scanner } from '../scanning/scanner';
import { StorageConfig } from '../storage.config';
import {
  FileInfectedError,
  FileNotFoundError,
  FileTooLargeError,
  FileUnscannableError,
  UploadAbortedError,
  UploadMissingError,
} from './file.errors';
import { sanitizeFileName } from './file-name';
import { CONTENT_TYPES } from './file-type';
import { SettledFileRow, UploadRequest, mapStoredFileView } from './files.dto';
import { FileOutcome, FilesRepository } from './files.repository';
import { InspectedUpload, UploadInspector } from './upload-inspector';

/** How long a presigned upload URL accepts the bytes (the ministry integration's ≤ 300 s). */
export const PRESIGNED_UPLOAD_SECONDS = 300;

/** Name of a presigned upload whose requester gave none ("kết quả" = result). */
const DEFAULT_PRESIGNED_NAME = 'ket-qua';

/** Bytes read through the inspector and the scanner. */
interface CheckedUpload {
  inspected: InspectedUpload;
  verdict: ScanVerdict;
}

/** Who a file is for, and what to call it, whichever way its bytes arrive. */
interface FileIdentity {
  id: string;
  ownerId: string;
  purpose: FilePurpose;
  fileName: string;
  correlationId: string | null;
}

/**
 * Uploads to a clean, scanned object (docs/design.md §6), whichever way the bytes arrive:
 * streamed through the gateway (`upload`) or PUT by a system to a presigned URL and then
 * finalized (`presign`, `finalize`). Either way the bytes are read once, through the inspector
 * (allow-list type, size cap, SHA-256) and the scanner side by side (`check`), and then
 * `admit`: copy to `clean/<id>` and record it, or record the rejection (with its event) and
 * refuse. The quarantined object never outlives the check.
 */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);

  constructor(
    private readonly config: StorageConfig,
    private readonly store: ObjectStore,
    private readonly scanner: Scanner,
    private readonly files: FilesRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async upload(request: UploadRequest, body: Readable): Promise<StoredFileView> {
    const id = randomUUID();
    const quarantined = quarantineKey(id);
    const checked = await this.check(body, this.capOf(request.maxBytes), (bytes, sha256) =>
      this.store.putStream(quarantined, bytes, sha256),
    );
    return this.admit({ ...request, id }, quarantined, checked, (outcome, manager) =>
      this.files.insert({ ...request, id, ...outcome }, manager),
    );
  }

  /**
   * A URL to PUT one file to, under `quarantine/<id>`, for PRESIGNED_UPLOAD_SECONDS. The
   * row is `pending` until `finalize` checks what arrived.
   */
  async presign(requester: Requester, input: PresignUploadInput): Promise<PresignedUploadView> {
    assertService(requester);
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + PRESIGNED_UPLOAD_SECONDS * 1000);
    await this.files.insertPending({
      id,
      ownerId: input.ownerId,
      purpose: input.purpose,
      fileName: sanitizeFileName(input.fileName ?? DEFAULT_PRESIGNED_NAME),
      uploadExpiresAt: expiresAt,
    });
    const uploadUrl = await this.store.presignPut(quarantineKey(id), PRESIGNED_UPLOAD_SECONDS);
    return { fileId: id, uploadUrl, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Checks the bytes PUT to a presigned URL like any upload and keeps them (clean) or refuses
   * them (infected: recorded with its event). Finalizing a clean file again answers it.
   * A refusal for the bytes' type or size drops them and leaves the upload pending, so the
   * sender may PUT again while the URL is valid.
   */
  async finalize(
    requester: Requester,
    input: FinalizeUploadInput,
    correlationId: string | null,
  ): Promise<StoredFileView> {
    assertService(requester);
    const row = await this.files.find(input.fileId);
    if (!row || (input.ownerId !== undefined && row.owner_id !== input.ownerId.toLowerCase())) {
      throw new FileNotFoundError();
    }
    if (row.status === 'clean') return mapStoredFileView(row); // finalized already: a retry
    if (row.status !== 'pending') throw new FileNotFoundError();

    const uploaded = quarantineKey(row.id);
    const maxBytes = this.capOf(input.maxBytes ?? null);
    const size = await this.store.size(uploaded);
    if (size === null) throw new UploadMissingError();
    if (size > maxBytes) {
      await this.drop(uploaded);
      throw new FileTooLargeError(maxBytes);
    }
    // Checked from a copy the URL cannot reach, so the bytes cannot change under the checks.
    const snapshot = quarantineKey(randomUUID());
    await this.store.copy(uploaded, snapshot);
    await this.drop(uploaded);
    let checked: CheckedUpload;
    try {
      checked = await this.check(await this.store.read(snapshot), maxBytes, (bytes) =>
        pipeline(bytes, new Writable({ write: (_chunk, _encoding, done) => done() })),
      );
    } catch (err) {
      await this.drop(snapshot);
      throw err;
    }
    const file = {
      id: row.id,
      ownerId: row.owner_id,
      purpose: row.purpose,
      fileName: row.file_name,
      correlationId,
    };
    return this.admit(file, snapshot, checked, async (outcome, manager) => {
      const settled = await this.files.settlePending(row.id, outcome, manager);
      if (!settled) throw new FileNotFoundError(); // finalized concurrently
      return settled;
    });
  }

  /**
   * Keeps checked bytes or refuses them: a clean file is moved from quarantine to `clean/<id>`
   * and recorded; anything else is recorded as refused, with its event, and answered so.
   * `save` records the outcome (a new row, or the pending one), inside the rejection's
   * transaction when refused.
   */
  private async admit(
    file: FileIdentity,
    key: string,
    { inspected, verdict }: CheckedUpload,
    save: (outcome: FileOutcome, manager?: EntityManager) => Promise<SettledFileRow>,
  ): Promise<StoredFileView> {
    try {
      if (verdict.status === 'clean') await this.store.copy(key, cleanKey(file.id));
    } finally {
      // The cleanup job sweeps quarantine/ for what is left behind.
      await this.drop(key);
    }
    const checked = {
      contentType: CONTENT_TYPES[inspected.kind],
      size: inspected.size,
      sha256: inspected.sha256,
    };
    if (verdict.status === 'clean') {
      try {
        return mapStoredFileView(await save({ ...checked, status: 'clean' }));
      } catch (err) {
        await this.store.remove(cleanKey(file.id)).catch(() => undefined);
        throw err;
      }
    }

    const reason = verdict.status;
    const signature = verdict.status === 'infected' ? verdict.signature : null;
    this.logger.warn(
      `upload ${file.id} of ${file.ownerId} rejected: ${reason}` +
        (verdict.status === 'unscannable' ? ` (${verdict.reason})` : ` (${signature})`),
    );
    await this.unitOfWork.run(file.correlationId, async ({ manager, publish }) => {
      await save({ ...checked, status: 'infected', rejectionReason: reason, signature }, manager);
      await publish({
        type: Events.storageFileRejected,
        data: {
          fileId: file.id,
          ownerId: file.ownerId,
          purpose: file.purpose,
          fileName: file.fileName,
          reason,
          signature,
        },
      });
    });
    throw reason === 'infected' ? new FileInfectedError() : new FileUnscannableError();
  }

  /** The cap of one file, lowered (never raised) by the caller's, e.g. the dossier quota left. */
  private capOf(callerMax: number | null): number {
    return Math.min(this.config.MAX_FILE_BYTES, callerMax ?? Infinity);
  }

  /**
   * Reads the bytes once, through the inspector (type, cap, hash) and the scanner side by
   * side, into `sink` (the store, or nowhere; the hash is there once the bytes have ended). A failure of the inspector (too large, not
   * allowed, empty) or of the client (gone mid-body) abandons the upload and is thrown; a
   * scan that is not clean abandons it too, and is answered as the verdict.
   */
  private async check(
    body: Readable,
    maxBytes: number,
    sink: (bytes: Readable, sha256: () => string) => Promise<unknown>,
  ): Promise<CheckedUpload> {
    const inspector = new UploadInspector(maxBytes);
    const scan = new ScanPass(this.scanner);
    const clientGone = (): void => {
      if (!body.readableEnded) inspector.destroy(new UploadAbortedError());
    };
    const inspectorFailed = (err: Error): void => {
      scan.destroy(err);
    };
    body.once('error', clientGone);
    body.once('close', clientGone);
    inspector.once('error', inspectorFailed);
    body.pipe(inspector).pipe(scan);
    try {
      await sink(scan, () => inspector.result.sha256);
      return { inspected: inspector.result, verdict: { status: 'clean' } };
    } catch (err) {
      if (!(err instanceof ScanRefusedError)) throw err;
      return { inspected: inspector.result, verdict: err.verdict };
    } finally {
      body.unpipe(inspector);
      body.off('error', clientGone);
      body.off('close', clientGone);
      inspector.off('error', inspectorFailed);
      scan.destroy();
    }
  }

  private async drop(key: string): Promise<void> {
    await this.store.remove(key).catch((err: Error) => {
      this.logger.warn(`quarantined ${key} not removed: ${err.message}`);
    });
  }
}
