import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import {
  FilePurpose,
  FileReader,
  StorageHttp,
  StorageRpc,
  StoredFileView,
  StorageErrors,
  DomainError,
  VerificationHttp,
  VerificationView,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { INTERNAL_TOKEN_HEADER } from '@dvc/http';
import { GatewayConfig } from '../gateway.config';
import { CallContext } from '../rpc/call-context';
import { STORAGE_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';
import { MultipartUpload, readMultipartUpload } from './multipart-upload';
import { sendFile } from './send-file';
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

  constructor(
    config: GatewayConfig,
    @Inject(STORAGE_RPC) private readonly storage: RpcClient,
  ) {
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

  open(fileId: string, reader: FileReader, requestId: string): Promise<StreamedFile> {
    const h = StorageHttp.headers;
    const who: Record<string, string> =
      'ownerId' in reader ? { [h.owner]: reader.ownerId } : { [h.principal]: reader.service };
    return openStream(
      { ...this.target, headers: { ...this.target.headers, ...who } },
      StorageHttp.content(fileId),
      requestId,
      fileNotFound,
    );
  }

  /**
   * Streams the request's `file` part into storage as the caller's file, then hands it to
   * `use` (attach it, make it a wallet document…). A file `use` refuses (wrong slot, quota,
   * status, bad fields) is deleted, not left behind. `capFor` sees the text fields sent
   * before the file and may lower the cap (e.g. what is left of the dossier quota).
   */
  async receive<T>(
    request: FastifyRequest,
    ctx: CallContext,
    purpose: FilePurpose,
    use: (upload: MultipartUpload) => Promise<T>,
    capFor?: (fieldsSoFar: Record<string, string>) => Promise<number | undefined>,
  ): Promise<T> {
    const upload = await readMultipartUpload(
      request,
      (file, maxBytes) =>
        this.upload(
          file.stream,
          { ownerId: ctx.caller!.accountId, purpose, fileName: file.fileName, maxBytes },
          ctx.requestId,
        ),
      capFor,
    );
    try {
      return await use(upload);
    } catch (err) {
      await sendRpc(this.storage, StorageRpc.deleteFile, ctx, { fileId: upload.file.id }).catch(
        () => undefined,
      );
      throw err;
    }
  }

  /**
   * Xác thực giấy tờ: the request's `file` part streamed to document-storage, which answers
   * whether it is exactly a document the portal issued, with a signature that checks.
   */
  async verify(request: FastifyRequest, ctx: CallContext): Promise<VerificationView> {
    const upload = await readMultipartUpload(request, (file) =>
      postStream<VerificationView>(
        this.target,
        VerificationHttp.verify,
        file.stream,
        { 'x-request-id': ctx.requestId },
        this.maxFileBytes,
        () => new DomainError(StorageErrors.verificationNotFound),
      ),
    );
    return upload.file;
  }

  /**
   * Streams a file the caller was already found entitled to, read as `reader`: the caller
   * for their own wallet document, the dossier service's word for a dossier's file.
   */
  async download(
    reply: FastifyReply,
    fileId: string,
    reader: FileReader,
    ctx: CallContext,
  ): Promise<void> {
    await sendFile(reply, await this.open(fileId, reader, ctx.requestId));
  }
}

function fileNotFound(): DomainError {
  return new DomainError(StorageErrors.fileNotFound);
}
