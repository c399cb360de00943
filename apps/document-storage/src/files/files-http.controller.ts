import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import {
  FILE_READING_SERVICES,
  FILE_PURPOSES,
  FieldError,
  FilePurpose,
  FileReader,
  FileReadingService,
  StorageHttp,
  StoredFileView,
  StorageErrors,
  DomainError,
} from '@dvc/contracts';
import { InternalTokenGuard, ProblemHttpFilter, attachmentDisposition } from '@dvc/http';
import { sanitizeFileName } from './file-name';
import { UploadRequest } from './files.dto';
import { FilesService } from './files.service';
import { UploadsService } from './uploads.service';

const H = StorageHttp.headers;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * After a refusal mid-body, the rest of the body is read and dropped (up to this much) so
 * that the client, still sending, gets to read the answer instead of a reset connection.
 */
const DISCARD_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Internal HTTP API (StorageHttp), called by the gateway only: file bodies as raw streams
 * in and out, never buffered, never over RabbitMQ.
 */
@Controller('internal/files')
@UseGuards(InternalTokenGuard)
@UseFilters(ProblemHttpFilter)
export class FilesHttpController {
  constructor(
    private readonly uploads: UploadsService,
    private readonly files: FilesService,
  ) {}

  /** `POST /internal/files`: the body is the file; who, why and its name come in headers. */
  @Post()
  @HttpCode(201)
  async upload(@Req() req: FastifyRequest): Promise<StoredFileView> {
    try {
      return await this.uploads.upload(
        uploadRequestOf(req.headers, correlationIdOf(req.raw)),
        bodyOf(req),
      );
    } catch (err) {
      discardRest(req.raw);
      throw err;
    }
  }

  /**
   * `GET /internal/files/:id/content`: the bytes of a clean file, as an attachment, to its
   * owner (`x-file-owner`) or a service principal (`x-file-principal`); never to nobody.
   */
  @Get(':id/content')
  async content(
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { file, body } = await this.files.openContent(id, readerOf(req.headers));
    await reply
      .header('Content-Type', file.contentType)
      .header('Content-Length', String(file.size))
      .header('Content-Disposition', attachmentDisposition(file.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .header('ETag', `"${file.sha256}"`)
      .send(body);
  }
}

/** Who reads: the owner's account id, or a named service principal; 400 without either. */
export function readerOf(headers: IncomingHttpHeaders): FileReader {
  const owner = headers[H.owner];
  const principal = headers[H.principal];
  if (typeof owner === 'string' && UUID.test(owner) && principal === undefined) {
    return { ownerId: owner.toLowerCase() };
  }
  if (typeof principal === 'string' && Object.hasOwn(FILE_READING_SERVICES, principal) && !owner) {
    return { service: principal as FileReadingService };
  }
  throw new DomainError(StorageErrors.readerRequired, {
    errors: [
      {
        field: H.owner,
        message: `cần đúng một trong ${H.owner} (UUID) hoặc ${H.principal} (${Object.keys(FILE_READING_SERVICES).join(', ')})`,
      },
    ],
  });
}

/** Reads the upload headers; every problem is listed in one 400. */
export function uploadRequestOf(
  headers: IncomingHttpHeaders,
  correlationId: string | null,
): UploadRequest {
  const errors: FieldError[] = [];
  const one = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };

  const ownerId = one(H.owner) ?? '';
  if (!UUID.test(ownerId)) errors.push({ field: H.owner, message: 'phải là mã tài khoản (UUID)' });

  const purpose = one(H.purpose) ?? '';
  if (!FILE_PURPOSES.includes(purpose as FilePurpose)) {
    errors.push({ field: H.purpose, message: `phải là một trong ${FILE_PURPOSES.join(', ')}` });
  }

  let fileName = '';
  try {
    fileName = decodeURIComponent(one(H.fileName) ?? '');
  } catch {
    errors.push({ field: H.fileName, message: 'phải được mã hoá URI (encodeURIComponent)' });
  }

  const rawMax = one(H.maxBytes);
  let maxBytes: number | null = null;
  if (rawMax !== undefined) {
    maxBytes = /^\d{1,15}$/.test(rawMax) ? Number(rawMax) : null;
    if (maxBytes === null)
      errors.push({ field: H.maxBytes, message: 'phải là số byte (số nguyên ≥ 0)' });
  }

  if (errors.length > 0) {
    throw new DomainError(StorageErrors.uploadInvalidHeaders, { errors });
  }
  return {
    ownerId: ownerId.toLowerCase(),
    purpose: purpose as FilePurpose,
    fileName: sanitizeFileName(fileName),
    maxBytes,
    correlationId,
  };
}

/** The raw body (see RawBodyParser); a request without one is an empty file. */
function bodyOf(req: FastifyRequest): Readable {
  return req.body instanceof Readable ? req.body : Readable.from([]);
}

function correlationIdOf(raw: IncomingMessage): string | null {
  const id = (raw as IncomingMessage & { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

/**
 * Drops what is left of a refused upload's body, so the connection can carry the answer;
 * a client that keeps sending past DISCARD_LIMIT_BYTES is cut off.
 */
function discardRest(raw: IncomingMessage): void {
  if (raw.readableEnded || raw.destroyed) return;
  let dropped = 0;
  raw.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_LIMIT_BYTES) raw.destroy();
  });
  raw.resume();
}
