import '@fastify/multipart'; // request.isMultipart() and request.parts()
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DomainError, StoredFileView, RequestErrors, StorageErrors } from '@dvc/contracts';

export interface MultipartFile {
  fileName: string;
  stream: Readable;
}

export interface MultipartUpload<F = StoredFileView> {
  /** The text fields, as sent (validated by the caller). */
  fields: Record<string, string>;
  /** What `store` made of the file part (the stored file, or e.g. a verification). */
  file: F;
}

/**
 * Reads a multipart request with exactly one file part named `file`, streaming that part
 * through `store` as it arrives (nothing buffered). `beforeFile` sees the text fields sent
 * before the file (e.g. to check the target and find the quota first) and returns the cap.
 */
export async function readMultipartUpload<F = StoredFileView>(
  request: FastifyRequest,
  store: (file: MultipartFile, maxBytes: number | undefined) => Promise<F>,
  beforeFile?: (fieldsSoFar: Record<string, string>) => Promise<number | undefined>,
): Promise<MultipartUpload<F>> {
  if (!request.isMultipart()) {
    throw new DomainError(RequestErrors.notMultipart);
  }
  const fields: Record<string, string> = {};
  let file: F | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    if (part.fieldname !== 'file' || file) {
      part.file.resume();
      throw new DomainError(RequestErrors.unexpectedFile);
    }
    const maxBytes = beforeFile ? await beforeFile(fields) : undefined;
    file = await store({ fileName: part.filename, stream: part.file }, maxBytes);
  }
  if (!file) throw new DomainError(StorageErrors.fileMissing);
  return { fields, file };
}
