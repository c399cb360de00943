import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { FilePurpose, NotFoundError, StorageHttp, StoredFileView } from '@dvc/contracts';
import { INTERNAL_TOKEN_HEADER } from '@dvc/http';
import { GatewayConfig } from '../gateway.config';
import {
  InternalHttpTarget,
  StreamedFile,
  openStream,
  postStream,
} from '../upstream/internal-http';

export interface UploadMeta {
  ownerId: string;
  purpose: FilePurpose;
  fileName: string;
  /** Cap of this upload; never above MAX_FILE_BYTES. */
  maxBytes?: number;
}

/**
 * The file bodies' path: the client's multipart part is piped straight into
 * document-storage's internal upload (sniffed, capped, hashed and scanned there), and
 * downloads are piped back out. Who may read which file is decided before, over RPC.
 */
@Injectable()
export class StorageFiles {
  private readonly target: InternalHttpTarget;
  private readonly maxFileBytes: number;

  constructor(config: GatewayConfig) {
    this.maxFileBytes = config.MAX_FILE_BYTES;
    this.target = {
      label: 'lưu trữ tệp',
      baseUrl: config.STORAGE_HTTP_URL,
      timeoutMs: config.RPC_TIMEOUT_MS,
      headers: { [INTERNAL_TOKEN_HEADER]: config.INTERNAL_TOKEN },
    };
  }

  upload(body: Readable, meta: UploadMeta, requestId: string): Promise<StoredFileView> {
    const maxBytes = Math.min(meta.maxBytes ?? this.maxFileBytes, this.maxFileBytes);
    const h = StorageHttp.headers;
    return postStream<StoredFileView>(
      this.target,
      StorageHttp.upload,
      body,
      {
        'x-request-id': requestId,
        [h.owner]: meta.ownerId,
        [h.purpose]: meta.purpose,
        [h.fileName]: encodeURIComponent(meta.fileName),
        [h.maxBytes]: String(maxBytes),
      },
      maxBytes,
      fileNotFound,
    );
  }

  open(fileId: string, requestId: string): Promise<StreamedFile> {
    return openStream(this.target, StorageHttp.content(fileId), requestId, fileNotFound);
  }
}

function fileNotFound(): NotFoundError {
  return new NotFoundError('file.not_found', 'Không tìm thấy tệp.');
}
