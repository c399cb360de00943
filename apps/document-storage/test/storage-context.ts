import type { INestApplication } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  Caller,
  EventEnvelope,
  RpcQueues,
  StorageFileRejectedEvent,
  StorageHttp,
  StoredFileView,
} from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import { INTERNAL_TOKEN_HEADER } from '@dvc/http';
import { ServiceUnderTest, WireClient, isolatedService } from '@dvc/testing';
import { migrateStorage, startStorage } from '../src/app';
import { ObjectStore } from '../src/object-store/object-store';
import { StorageConfig } from '../src/storage.config';

export const TOKEN = 'test-internal-token-0123456789';
export const KiB = 1024;
export const MiB = 1024 * KiB;

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface UploadOptions {
  /** The owner's account id; a new citizen's unless given. */
  owner?: string;
  purpose?: string;
  fileName?: string;
  token?: string | null;
  extra?: Record<string, string>;
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
export const json = <T>(answer: HttpAnswer): T => JSON.parse(answer.body.toString('utf8')) as T;

/**
 * document-storage started in-process as in production, with its embedded s3rver (free port,
 * temporary directory), against the real Postgres (own schema), RabbitMQ (own vhost) and
 * Redis (own prefix). Driven like the gateway drives it: the internal HTTP API with the
 * token, and RPC on `storage.rpc`.
 *
 * One per test file (beforeAll); each test makes its own citizens and files.
 */
export interface StorageTestContext {
  readonly sut: ServiceUnderTest;
  readonly app: INestApplication;
  readonly baseUrl: string;
  readonly store: ObjectStore;
  /** Where s3rver keeps its buckets. */
  readonly s3Directory: string;
  /** What storage publishes on dvc.events, as a consumer (notification) would see it. */
  readonly events: EventEnvelope<StorageFileRejectedEvent>[];

  newCitizen(): Caller;
  http(
    method: string,
    path: string,
    options?: { headers?: Record<string, string>; body?: Buffer | Readable },
  ): Promise<HttpAnswer>;
  /** POSTs the body to the internal upload endpoint, as the gateway streams a multipart part. */
  upload(body: Buffer | Readable, options?: UploadOptions): Promise<HttpAnswer>;
  /** An upload that must succeed: the stored file. */
  uploaded(body: Buffer, options?: UploadOptions): Promise<StoredFileView>;
  /** Reads a file as the dossier service's principal (attachments, results) unless told who. */
  download(fileId: string, reader?: Record<string, string>): Promise<HttpAnswer>;
  rpc<T>(pattern: string, data: unknown, caller: Caller | null): Promise<T>;
  /** Object keys under a prefix (`clean/`, `quarantine/`), sorted. */
  keys(prefix: string): Promise<string[]>;
  fileRow(id: string): Promise<{ status: string; signature: string | null } | undefined>;
  close(): Promise<void>;
}

export async function startStorageContext(
  overrides: Record<string, string> = {},
): Promise<StorageTestContext> {
  const sut = await isolatedService('storage');
  const s3Directory = await mkdtemp(join(tmpdir(), 'dvc-s3rver-'));
  let app: INestApplication | undefined;
  const removeS3 = () => rm(s3Directory, { recursive: true, force: true });
  try {
    const config = loadConfig(StorageConfig, {
      ...sut.env,
      S3RVER_PORT: '0',
      S3RVER_DIRECTORY: s3Directory,
      INTERNAL_TOKEN: TOKEN,
      MAX_FILE_BYTES: String(64 * KiB),
      SIGNING_DIRECTORY: join(s3Directory, 'signing'),
      ...overrides,
    });
    await migrateStorage(config);
    const events = await sut.captureEvents<StorageFileRejectedEvent>('storage.#');
    const started = (app = await startStorage(config));
    const baseUrl = sut.urlOf(started);
    const store = started.get(ObjectStore);
    const client: WireClient = await sut.rpcClient('storage', RpcQueues.storage);
    const newCitizen = (): Caller => ({
      accountId: randomUUID(),
      roles: ['citizen'],
      agencies: [],
    });

    const http: StorageTestContext['http'] = (method, path, { headers = {}, body } = {}) =>
      new Promise((resolve, reject) => {
        let answered = false;
        const req = httpRequest(`${baseUrl}${path}`, { method, headers }, (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            // An answer before the whole body was sent (413, 415): stop sending, as the gateway
            // should. (Node's client would otherwise wait for a 'drain' that never comes.)
            if (!req.writableFinished) req.destroy();
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            });
          });
          res.on('error', reject);
        });
        // The server may answer (413, 415) before the whole body is sent: that is the point.
        req.on('error', (err) => (answered ? undefined : reject(err)));
        if (body instanceof Readable) body.on('error', () => req.destroy()).pipe(req);
        else req.end(body);
      });

    const upload: StorageTestContext['upload'] = (
      body,
      {
        owner = newCitizen().accountId,
        purpose = 'attachment',
        fileName = 'tệp.pdf',
        token = TOKEN,
        extra = {},
      } = {},
    ) => {
      const h = StorageHttp.headers;
      const headers: Record<string, string> = {
        'content-type': 'application/octet-stream',
        [h.owner]: owner,
        [h.purpose]: purpose,
        [h.fileName]: encodeURIComponent(fileName),
        ...extra,
      };
      if (token !== null) headers[INTERNAL_TOKEN_HEADER] = token;
      return http('POST', StorageHttp.upload, { headers, body });
    };

    return {
      sut,
      app: started,
      baseUrl,
      store,
      s3Directory,
      events,
      newCitizen,
      http,
      upload,
      async uploaded(body, options) {
        const answer = await upload(body, options);
        expect(answer.status).toBe(201);
        return json<StoredFileView>(answer);
      },
      download: (fileId, reader = { [StorageHttp.headers.principal]: 'dossier' }) =>
        http('GET', StorageHttp.content(fileId), {
          headers: { [INTERNAL_TOKEN_HEADER]: TOKEN, ...reader },
        }),
      rpc: (pattern, data, caller) =>
        client.send(pattern, { caller, correlationId: randomUUID(), data }),
      async keys(prefix) {
        const found: string[] = [];
        for await (const object of store.list(prefix)) found.push(object.key);
        return found.sort();
      },
      async fileRow(id) {
        const [row] = await sut.db.query(
          `SELECT status, signature, rejection_reason FROM "${sut.schema}".files WHERE id = $1`,
          [id],
        );
        return row;
      },
      close: () => sut.cleanup(app, removeS3),
    };
  } catch (err) {
    await sut.cleanup(app, removeS3).catch(() => undefined);
    throw err;
  }
}

/**
 * A body of `total` bytes that exists only chunk by chunk, starting like a PDF: each chunk
 * is a view of one fixed 1 MiB pattern, so the client side of the test allocates nothing
 * per chunk and the RSS measured is the service's.
 */
const pattern = Buffer.alloc(MiB);
for (let i = 0; i < pattern.length; i++) pattern[i] = (i * 7919) % 251;
pattern.write('%PDF-1.7\n', 'latin1');
export function generatedPdf(total: number, hash = createHash('sha256')): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const offset = sent % pattern.length;
      const chunk = pattern.subarray(offset, offset + Math.min(64 * KiB, total - sent));
      sent += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
}

/** s3rver keeps the parts of unfinished multipart uploads here. */
export function pendingMultipartUploads(s3Directory: string): Promise<string[]> {
  return readdir(join(s3Directory, 'dvc-files', '._S3rver_uploads')).catch(() => []);
}
