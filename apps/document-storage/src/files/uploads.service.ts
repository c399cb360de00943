import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Events, StoredFileView } from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import { ObjectStore, cleanKey, quarantineKey } from '../object-store/object-store';
import { ScanVerdict, Scanner } from '../scanning/scanner';
import { StorageConfig } from '../storage.config';
import {
  FileInfectedError,
  FileTypeNotAllowedError,
  FileUnscannableError,
  UploadAbortedError,
} from './file.errors';
import { CONTENT_TYPES, FileKind } from './file-type';
import { UploadRequest, mapStoredFileView } from './files.dto';
import { FilesRepository } from './files.repository';
import { InspectedUpload, UploadInspector } from './upload-inspector';
import { officeKindOf } from './zip-directory';

/**
 * An upload from the body stream to a clean, scanned object (DESIGN.md §6):
 * inspect while storing under `quarantine/<id>` → decide the type → scan → copy to
 * `clean/<id>` and record it, or record the rejection (with its event) and refuse.
 * The quarantined object never outlives the request.
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
    const maxBytes = Math.min(this.config.MAX_FILE_BYTES, request.maxBytes ?? Infinity);
    const inspected = await this.receive(body, quarantined, maxBytes);
    let kind: FileKind;
    let verdict: ScanVerdict;
    try {
      kind = await this.kindOf(quarantined, inspected);
      verdict = await this.scanner.scan(() => this.store.read(quarantined));
      if (verdict.status === 'clean') await this.store.copy(quarantined, cleanKey(id));
    } finally {
      await this.store.remove(quarantined).catch((err: Error) => {
        // The cleanup job sweeps quarantine/ for what is left behind.
        this.logger.warn(`quarantined ${quarantined} not removed: ${err.message}`);
      });
    }
    const file = {
      id,
      ownerId: request.ownerId,
      purpose: request.purpose,
      fileName: request.fileName,
      contentType: CONTENT_TYPES[kind],
      size: inspected.size,
      sha256: inspected.sha256,
    };
    if (verdict.status === 'clean') {
      try {
        return mapStoredFileView(await this.files.insert({ ...file, status: 'clean' }));
      } catch (err) {
        await this.store.remove(cleanKey(id)).catch(() => undefined);
        throw err;
      }
    }

    const reason = verdict.status;
    const signature = verdict.status === 'infected' ? verdict.signature : null;
    this.logger.warn(
      `upload ${id} of ${request.ownerId} rejected: ${reason}` +
        (verdict.status === 'unscannable' ? ` (${verdict.reason})` : ` (${signature})`),
    );
    await this.unitOfWork.run(request.correlationId, async ({ manager, publish }) => {
      await this.files.insert(
        { ...file, status: 'infected', rejectionReason: reason, signature },
        manager,
      );
      await publish({
        type: Events.storageFileRejected,
        data: {
          fileId: id,
          ownerId: request.ownerId,
          purpose: request.purpose,
          fileName: request.fileName,
          reason,
          signature,
        },
      });
    });
    throw reason === 'infected' ? new FileInfectedError() : new FileUnscannableError();
  }

  /**
   * Streams the body through the inspector into the store. A failure of the inspector
   * (too large, not allowed, empty) or of the client (gone mid-body) abandons the upload.
   */
  private async receive(body: Readable, key: string, maxBytes: number): Promise<InspectedUpload> {
    const inspector = new UploadInspector(maxBytes);
    const clientGone = (): void => {
      if (!body.readableEnded) inspector.destroy(new UploadAbortedError());
    };
    body.once('error', clientGone);
    body.once('close', clientGone);
    body.pipe(inspector);
    try {
      await this.store.putStream(key, inspector);
      return inspector.result;
    } finally {
      body.unpipe(inspector);
      body.off('error', clientGone);
      body.off('close', clientGone);
    }
  }

  /** The first bytes said ZIP: only a DOCX or an XLSX is accepted, told by its directory. */
  private async kindOf(key: string, inspected: InspectedUpload): Promise<FileKind> {
    if (inspected.kind === 'xml') return 'signed-xml';
    if (inspected.kind !== 'zip') return inspected.kind;
    const office = await officeKindOf(inspected.size, (offset, length) =>
      this.store.readRange(key, offset, length),
    );
    if (!office) throw new FileTypeNotAllowedError();
    return office;
  }
}
