import { Logger } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { Readable, Transform, pipeline } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { DomainError, isProblemShape, RequestErrors, StorageErrors } from '@dvc/contracts';
import { RemoteProblemError } from '@dvc/messaging';

/**
 * Streams to and from a service's internal HTTP server (form templates from catalogue,
 * files from document-storage). Files never travel over RabbitMQ and the gateway never
 * holds a whole file: bodies are piped through. Deadlines cover the wait for the answer's
 * headers, not the transfer.
 */
export interface InternalHttpTarget {
  /** Name shown in problems, e.g. "danh mục thủ tục". */
  label: string;
  baseUrl: string;
  timeoutMs: number;
  headers?: Record<string, string>;
}

export interface StreamedFile {
  headers: Record<string, string>;
  body: Readable;
}

/** Headers of the upstream answer the client gets as they are. */
const PASSED_HEADERS = ['content-type', 'content-length', 'content-disposition'] as const;
const logger = new Logger('InternalHttp');

export async function openStream(
  target: InternalHttpTarget,
  path: string,
  requestId: string,
  notFound: () => DomainError,
): Promise<StreamedFile> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), target.timeoutMs);
  let response: Response;
  try {
    response = await fetch(`${trim(target.baseUrl)}${path}`, {
      // identity: fetch would otherwise inflate a compressed body under the compressed Content-Length.
      headers: { ...target.headers, 'x-request-id': requestId, 'accept-encoding': 'identity' },
      signal: deadline.signal,
    });
  } catch (err) {
    if (deadline.signal.aborted) throw upstreamTimeout(target);
    logger.warn(
      `${target.label} unreachable: ${String((err as Error).cause ?? (err as Error).message)}`,
    );
    throw upstreamUnavailable(target);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok || !response.body) {
    const body: unknown = await response.json().catch(() => null);
    throw upstreamProblem(target, response.status, body, notFound);
  }
  const headers: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  headers['content-disposition'] ??= 'attachment';
  return { headers, body: Readable.fromWeb(response.body as ReadableStream<Uint8Array>) };
}

export class UploadTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super(StorageErrors.fileTooLarge, {
      params: { limit: `${Math.floor(maxBytes / 1024 / 1024)} MB` },
      extra: { maxBytes },
    });
  }
}

/**
 * POSTs a stream as the raw body and parses the JSON answer. Counts the bytes on the way
 * and cuts the upload the moment it passes `maxBytes` (413), so an oversized file costs
 * neither memory here nor a finished object over there.
 */
export function postStream<T>(
  target: InternalHttpTarget,
  path: string,
  source: Readable,
  headers: Record<string, string>,
  maxBytes: number,
  notFound: () => DomainError,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (err: unknown, value?: T) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve(value as T);
    };
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        if (bytes > maxBytes) callback(new UploadTooLargeError(maxBytes));
        else callback(null, chunk);
      },
    });
    const upstream = httpRequest(`${trim(target.baseUrl)}${path}`, {
      method: 'POST',
      headers: { ...target.headers, ...headers, 'content-type': 'application/octet-stream' },
    });
    upstream.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c)); // a small JSON answer, not the file
      response.on('error', (err) => settle(err));
      response.on('end', () => {
        let body: unknown = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          // not JSON: judged by the status below
        }
        const status = response.statusCode ?? 502;
        if (status >= 200 && status < 300) settle(null, body as T);
        else settle(upstreamProblem(target, status, body, notFound));
        // The answer is in (e.g. an early 413/415): stop sending, and let whatever the client
        // still sends drain to nowhere so its request completes and it reads our answer.
        source.unpipe(counter);
        counter.destroy();
        upstream.destroy();
        source.resume();
      });
    });
    pipeline(source, counter, upstream, (err) => {
      if (!err) return;
      if (err instanceof UploadTooLargeError) {
        upstream.destroy(); // the storage side removes the partial object of an aborted upload
        source.resume();
        settle(err);
        return;
      }
      // The upstream may have answered (e.g. 413/415) and closed while we were still sending:
      // give its answer a moment to win over the socket error.
      setImmediate(() => {
        if (!settled) {
          logger.warn(`${target.label} upload failed: ${(err as Error).message}`);
          settle(upstreamUnavailable(target));
        }
      });
    });
  });
}

function upstreamProblem(
  target: InternalHttpTarget,
  status: number,
  body: unknown,
  notFound: () => DomainError,
): DomainError {
  if (status >= 400 && status < 500 && isProblemShape(body)) {
    return new RemoteProblemError(body);
  }
  if (status === 404) return notFound();
  return new DomainError(RequestErrors.upstreamBadAnswer, { params: { service: target.label } });
}

function upstreamTimeout(target: InternalHttpTarget): DomainError {
  return new DomainError(RequestErrors.upstreamTimeout, { params: { service: target.label } });
}

function upstreamUnavailable(target: InternalHttpTarget): DomainError {
  return new DomainError(RequestErrors.upstreamUnavailable, { params: { service: target.label } });
}

function trim(url: string): string {
  return url.replace(/\/+$/, '');
}
