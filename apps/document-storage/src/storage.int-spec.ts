import type { INestApplication } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  Caller,
  DomainError,
  EventEnvelope,
  Events,
  PersonalDocumentView,
  PresignedUploadRpc,
  PresignedUploadView,
  ProblemShape,
  RpcQueues,
  StorageFileRejectedEvent,
  StorageHttp,
  StorageRpc,
  StoredFileView,
} from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import type { RpcClient } from '@dvc/messaging';
import { ServiceUnderTest, isolatedService, waitFor } from '@dvc/testing';
import {
  eicarPdf,
  plainZip,
  sampleDocx,
  samplePdf,
  samplePng,
  sampleXlsx,
  signedXml,
  windowsExe,
} from '../test/sample-files';
import { migrateStorage, startStorage } from './app';
import { CleanupService } from './cleanup/cleanup.service';
import { ObjectStore } from './object-store/object-store';
import { StorageConfig } from './storage.config';
import { INTERNAL_TOKEN_HEADER } from '@dvc/http';

jest.setTimeout(60_000);

const TOKEN = 'test-internal-token-0123456789';
const KiB = 1024;
const MiB = 1024 * KiB;
const citizen: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };
const other: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };

interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * document-storage started in-process as in production, with its embedded s3rver (free port,
 * temporary directory), against the real Postgres (own schema), RabbitMQ (own vhost) and
 * Redis (own prefix). Driven like the gateway drives it: the internal HTTP API with the
 * token, and RPC on `storage.rpc`.
 */
describe('document-storage service', () => {
  let sut: ServiceUnderTest;
  let s3Directory: string;
  let env: Record<string, string>;
  let app: INestApplication;
  let baseUrl: string;
  let store: ObjectStore;
  let client: RpcClient;
  let events: EventEnvelope<StorageFileRejectedEvent>[];

  async function start(overrides: Record<string, string> = {}): Promise<void> {
    app = await startStorage(loadConfig(StorageConfig, { ...env, ...overrides }));
    baseUrl = sut.urlOf(app);
    store = app.get(ObjectStore);
  }

  beforeAll(async () => {
    sut = await isolatedService('storage');
    s3Directory = await mkdtemp(join(tmpdir(), 'dvc-s3rver-'));
    env = {
      ...sut.env,
      S3RVER_PORT: '0',
      S3RVER_DIRECTORY: s3Directory,
      INTERNAL_TOKEN: TOKEN,
      MAX_FILE_BYTES: String(64 * KiB),
    };
    await migrateStorage(loadConfig(StorageConfig, env));
    // What storage publishes on dvc.events, as a consumer (notification) would see it.
    events = await sut.captureEvents('storage.#');
    await start();
    client = await sut.rpcClient('storage', RpcQueues.storage);
  }, 120_000);

  afterAll(
    () => sut?.cleanup(app, () => s3Directory && rm(s3Directory, { recursive: true, force: true })),
    30_000,
  );

  // ---- helpers -------------------------------------------------------------------------

  function http(
    method: string,
    path: string,
    { headers = {}, body }: { headers?: Record<string, string>; body?: Buffer | Readable } = {},
  ): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
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
  }

  function upload(
    body: Buffer | Readable,
    {
      owner = citizen.accountId,
      purpose = 'attachment',
      fileName = 'tệp.pdf',
      token = TOKEN,
      extra = {},
    }: {
      owner?: string;
      purpose?: string;
      fileName?: string;
      token?: string | null;
      extra?: Record<string, string>;
    } = {},
  ): Promise<HttpAnswer> {
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
  }

  const json = <T>(answer: HttpAnswer): T => JSON.parse(answer.body.toString('utf8')) as T;

  async function uploaded(
    body: Buffer,
    options: Parameters<typeof upload>[1] = {},
  ): Promise<StoredFileView> {
    const answer = await upload(body, options);
    expect(answer.status).toBe(201);
    return json<StoredFileView>(answer);
  }

  function download(fileId: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return http('GET', StorageHttp.content(fileId), {
      headers: { [INTERNAL_TOKEN_HEADER]: TOKEN, ...headers },
    });
  }

  function rpc<T>(pattern: string, data: unknown, caller: Caller | null = citizen): Promise<T> {
    return client.send<T>(pattern, { caller, correlationId: randomUUID(), data });
  }

  async function problemOf(call: Promise<unknown>): Promise<ProblemShape> {
    const outcome = await call.then(
      () => new Error('expected the call to fail'),
      (err: unknown) => err,
    );
    if (outcome instanceof DomainError) return outcome.toProblem();
    throw outcome;
  }

  async function keys(prefix: string): Promise<string[]> {
    const found: string[] = [];
    for await (const object of store.list(prefix)) found.push(object.key);
    return found.sort();
  }

  async function fileRow(id: string): Promise<{ status: string; signature: string | null }> {
    const [row] = await sut.db.query(
      `SELECT status, signature, rejection_reason FROM "${sut.schema}".files WHERE id = $1`,
      [id],
    );
    return row;
  }

  /**
   * A body of `total` bytes that exists only chunk by chunk, starting like a PDF: each chunk
   * is a view of one fixed 1 MiB pattern, so the client side of the test allocates nothing
   * per chunk and the RSS measured is the service's.
   */
  const pattern = Buffer.alloc(MiB);
  for (let i = 0; i < pattern.length; i++) pattern[i] = (i * 7919) % 251;
  pattern.write('%PDF-1.7\n', 'latin1');
  function generatedPdf(total: number, hash = createHash('sha256')): Readable {
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

  // ---- ops -----------------------------------------------------------------------------

  it('answers ping and reports ready with Postgres, RabbitMQ, the object store and Redis', async () => {
    expect(await rpc(StorageRpc.ping, {}, null)).toEqual({ ok: true });
    const ready = await http('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(json<{ info: Record<string, unknown> }>(ready).info).toEqual({
      postgres: { status: 'up' },
      rabbitmq: { status: 'up' },
      'object-store': { status: 'up' },
      redis: { status: 'up' },
    });
  });

  it('refuses the internal API without the right token (401 problem)', async () => {
    for (const token of [null, 'wrong-token']) {
      const answer = await upload(await samplePdf(), { token });
      expect(answer.status).toBe(401);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(json<ProblemShape>(answer)).toMatchObject({
        status: 401,
        code: 'internal.unauthorized',
      });
    }
    const file = await uploaded(await samplePdf());
    expect((await download(file.id, { [INTERNAL_TOKEN_HEADER]: 'nope' })).status).toBe(401);
  });

  // ---- uploads that are accepted --------------------------------------------------------

  it('stores a PDF: 201, SHA-256 of the bytes, type from the bytes, object under clean/ only', async () => {
    const pdf = await samplePdf();
    const answer = await upload(pdf, { fileName: '../../Giấy khai sinh\u0000.pdf' });
    expect(answer.status).toBe(201);
    const file = json<StoredFileView>(answer);
    expect(file).toMatchObject({
      ownerId: citizen.accountId,
      purpose: 'attachment',
      fileName: 'Giấy khai sinh.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      status: 'clean',
    });
    expect(await keys('clean/')).toContain(`clean/${file.id}`);
    expect(await keys('quarantine/')).toEqual([]);
  });

  it.each([
    ['PNG sent as image/jpeg', () => Promise.resolve(samplePng()), 'image/png', 'anh.jpg'],
    [
      'DOCX',
      () => sampleDocx(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'don.docx',
    ],
    [
      'XLSX',
      () => Promise.resolve(sampleXlsx()),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'bang.xlsx',
    ],
    ['signed XML', () => Promise.resolve(signedXml()), 'application/xml', 'to-khai.xml'],
  ])('stores a %s with the type its bytes say', async (_label, make, contentType, fileName) => {
    const bytes = await make();
    const answer = await upload(bytes, { fileName, extra: { 'content-type': 'image/jpeg' } });
    expect(answer.status).toBe(201);
    expect(json<StoredFileView>(answer)).toMatchObject({
      contentType,
      size: bytes.length,
      sha256: sha256(bytes),
    });
  });

  it('takes the body raw whatever the declared content type (even JSON)', async () => {
    const pdf = await samplePdf('raw');
    const answer = await upload(pdf, { extra: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(201);
    expect(json<StoredFileView>(answer).sha256).toBe(sha256(pdf));
  });

  it('streams a clean file back with its type, length and an attachment disposition', async () => {
    const png = samplePng();
    const file = await uploaded(png, { fileName: 'Ảnh thẻ "3x4".png' });
    const answer = await download(file.id);
    expect(answer.status).toBe(200);
    expect(answer.body.equals(png)).toBe(true);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['content-length']).toBe(String(png.length));
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-disposition']).toBe(
      `attachment; filename="Anh the 3x4.png"; filename*=UTF-8''${encodeURIComponent('Ảnh thẻ 3x4.png')}`,
    );
    // With the owner the gateway checked: must match.
    const owner = StorageHttp.headers.owner;
    expect((await download(file.id, { [owner]: citizen.accountId })).status).toBe(200);
    expect((await download(file.id, { [owner]: other.accountId })).status).toBe(404);
  });

  it('answers 404 problems for unknown and malformed file ids', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '..%2F..%2Fetc']) {
      const answer = await download(id);
      expect(answer.status).toBe(404);
      expect(json<ProblemShape>(answer)).toMatchObject({ code: 'file.not_found' });
    }
  });

  // ---- uploads that are refused --------------------------------------------------------

  it('rejects a PDF carrying EICAR: 422, no clean object, the file never served, an event via the outbox', async () => {
    const cleanBefore = await keys('clean/');
    const answer = await upload(await eicarPdf(), { fileName: 'don.pdf' });
    expect(answer.status).toBe(422);
    expect(json<ProblemShape>(answer)).toMatchObject({ status: 422, code: 'file.infected' });
    expect(await keys('clean/')).toEqual(cleanBefore);
    expect(await keys('quarantine/')).toEqual([]);

    const [outbox] = await sut.db.query(
      `SELECT envelope FROM "${sut.schema}".outbox WHERE type = $1 ORDER BY id DESC LIMIT 1`,
      [Events.storageFileRejected],
    );
    const rejected = outbox.envelope as EventEnvelope<StorageFileRejectedEvent>;
    expect(rejected.data).toMatchObject({
      ownerId: citizen.accountId,
      purpose: 'attachment',
      fileName: 'don.pdf',
      reason: 'infected',
      signature: 'Eicar-Test-Signature',
    });
    expect(await fileRow(rejected.data.fileId)).toMatchObject({
      status: 'infected',
      signature: 'Eicar-Test-Signature',
    });
    await waitFor(() => events.some((e) => e.id === rejected.id), {
      what: 'the rejected event on dvc.events',
    });
    expect((await download(rejected.data.fileId)).status).toBe(404);
    expect(
      await problemOf(rpc(StorageRpc.getFile, { fileId: rejected.data.fileId })),
    ).toMatchObject({ status: 404 });
  });

  it.each([
    ['an executable renamed .pdf', windowsExe, 'hoa-don.pdf'],
    ['a plain ZIP renamed .docx', plainZip, 'don.docx'],
    ['HTML', () => Buffer.from('<html><script>alert(1)</script></html>'), 'trang.pdf'],
  ])('refuses %s with 415 and stores nothing', async (_label, make, fileName) => {
    const before = [...(await keys('clean/')), ...(await keys('quarantine/'))];
    const answer = await upload(make(), { fileName });
    expect(answer.status).toBe(415);
    expect(json<ProblemShape>(answer)).toMatchObject({ code: 'file.type_not_allowed' });
    expect([...(await keys('clean/')), ...(await keys('quarantine/'))]).toEqual(before);
  });

  it('refuses an empty file with 400 file.empty', async () => {
    const answer = await upload(Buffer.alloc(0));
    expect(answer.status).toBe(400);
    expect(json<ProblemShape>(answer)).toMatchObject({ code: 'file.empty' });
  });

  it('refuses a file over MAX_FILE_BYTES with 413 mid-stream and leaves no object behind', async () => {
    const before = { clean: await keys('clean/'), quarantine: await keys('quarantine/') };
    const answer = await upload(generatedPdf(300 * KiB));
    expect(answer.status).toBe(413);
    expect(json<ProblemShape>(answer)).toMatchObject({ status: 413, code: 'file.too_large' });
    expect(await keys('clean/')).toEqual(before.clean);
    expect(await keys('quarantine/')).toEqual(before.quarantine);
    // The connection is still usable: the rest of the body was drained, not left hanging.
    expect((await upload(await samplePdf())).status).toBe(201);
  });

  it('lets x-max-bytes lower the cap (what is left of the dossier quota) but never raise it', async () => {
    const maxBytes = StorageHttp.headers.maxBytes;
    const pdf = await samplePdf();
    const lowered = await upload(pdf, { extra: { [maxBytes]: String(pdf.length - 1) } });
    expect(lowered.status).toBe(413);
    expect((await upload(pdf, { extra: { [maxBytes]: String(pdf.length) } })).status).toBe(201);
    const raised = await upload(generatedPdf(100 * KiB), {
      extra: { [maxBytes]: String(10 * MiB) },
    });
    expect(raised.status).toBe(413);
  });

  it('refuses bad upload headers with one 400 listing each', async () => {
    const answer = await upload(await samplePdf(), {
      owner: 'someone',
      purpose: 'anything',
      extra: { [StorageHttp.headers.fileName]: '%E0%A4%A', [StorageHttp.headers.maxBytes]: '-1' },
    });
    expect(answer.status).toBe(400);
    const problem = json<ProblemShape>(answer);
    expect(problem.code).toBe('upload.invalid_headers');
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(
      ['x-file-name', 'x-file-owner', 'x-file-purpose', 'x-max-bytes'].sort(),
    );
  });

  // ---- RPC on files --------------------------------------------------------------------

  it('getFile: the owner or a service (no caller, internal) only; anyone else 404, no caller 401', async () => {
    const file = await uploaded(await samplePdf());
    expect(await rpc<StoredFileView>(StorageRpc.getFile, { fileId: file.id })).toEqual(file);
    expect(
      await rpc<StoredFileView>(StorageRpc.getFile, { fileId: file.id, internal: true }, null),
    ).toEqual(file);
    expect(await problemOf(rpc(StorageRpc.getFile, { fileId: file.id }, other))).toMatchObject({
      status: 404,
      code: 'file.not_found',
    });
    // The flag means nothing with a caller: a citizen cannot claim to be a service.
    expect(
      await problemOf(rpc(StorageRpc.getFile, { fileId: file.id, internal: true }, other)),
    ).toMatchObject({ status: 404 });
    expect(await problemOf(rpc(StorageRpc.getFile, { fileId: file.id }, null))).toMatchObject({
      status: 401,
    });
    expect(await problemOf(rpc(StorageRpc.getFile, { fileId: 'x', extra: 1 }))).toMatchObject({
      status: 400,
      code: 'validation.failed',
    });
  });

  it('copyFile: a server-side copy with a new id, the same bytes and SHA-256', async () => {
    const pdf = await samplePdf('ban sao');
    const original = await uploaded(pdf, { purpose: 'wallet', fileName: 'CCCD.pdf' });
    const copy = await rpc<StoredFileView>(StorageRpc.copyFile, {
      fileId: original.id,
      ownerId: citizen.accountId,
      purpose: 'attachment',
    });
    expect(copy).toMatchObject({
      ownerId: citizen.accountId,
      purpose: 'attachment',
      fileName: 'CCCD.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: original.sha256,
      status: 'clean',
    });
    expect(copy.id).not.toBe(original.id);
    expect((await download(copy.id)).body.equals(pdf)).toBe(true);

    // A service copies to the owner it names; a citizen only to themselves and only their own.
    const byService = await rpc<StoredFileView>(
      StorageRpc.copyFile,
      { fileId: original.id, ownerId: other.accountId, purpose: 'result', internal: true },
      null,
    );
    expect(byService).toMatchObject({
      ownerId: other.accountId,
      purpose: 'result',
      sha256: original.sha256,
    });
    expect(
      await problemOf(
        rpc(StorageRpc.copyFile, {
          fileId: original.id,
          ownerId: other.accountId,
          purpose: 'attachment',
        }),
      ),
    ).toMatchObject({ status: 403, code: 'file.copy_forbidden' });
    expect(
      await problemOf(
        rpc(StorageRpc.copyFile, { fileId: original.id, purpose: 'attachment' }, other),
      ),
    ).toMatchObject({ status: 404 });
    // Without ownerId the copy is the caller's (how the dossier service calls on behalf of a citizen).
    expect(
      await rpc<StoredFileView>(StorageRpc.copyFile, {
        fileId: original.id,
        purpose: 'attachment',
      }),
    ).toMatchObject({
      ownerId: citizen.accountId,
    });
  });

  it('deleteFile: the object goes, the file is 404 afterwards; someone else cannot delete it', async () => {
    const file = await uploaded(await samplePdf());
    expect(await problemOf(rpc(StorageRpc.deleteFile, { fileId: file.id }, other))).toMatchObject({
      status: 404,
    });
    expect(await rpc<StoredFileView>(StorageRpc.deleteFile, { fileId: file.id })).toMatchObject({
      id: file.id,
      status: 'deleted',
    });
    expect(await keys('clean/')).not.toContain(`clean/${file.id}`);
    expect((await download(file.id)).status).toBe(404);
    expect(await problemOf(rpc(StorageRpc.deleteFile, { fileId: file.id }))).toMatchObject({
      status: 404,
    });
  });

  // ---- personal document wallet ----------------------------------------------------------

  it('wallet: create, list, get and delete; another citizen sees 404; copies in dossiers survive', async () => {
    const pdf = await samplePdf('CCCD');
    const file = await uploaded(pdf, { purpose: 'wallet', fileName: 'Căn cước.pdf' });
    const created = await rpc<PersonalDocumentView>(StorageRpc.createDocument, {
      fileId: file.id,
      type: 'id-card',
      title: '  Căn cước công dân ',
      number: '001099012345',
      issuedAt: '2021-05-20',
    });
    expect(created).toMatchObject({
      fileId: file.id,
      type: 'id-card',
      title: 'Căn cước công dân',
      number: '001099012345',
      issuedAt: '2021-05-20',
      file: {
        fileName: 'Căn cước.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        sha256: sha256(pdf),
      },
    });

    const list = await rpc<PersonalDocumentView[]>(StorageRpc.listDocuments, {});
    expect(list.map((d) => d.id)).toContain(created.id);
    expect(await rpc<PersonalDocumentView[]>(StorageRpc.listDocuments, {}, other)).toEqual([]);
    expect(await rpc(StorageRpc.getDocument, { documentId: created.id })).toEqual(created);
    for (const call of [
      rpc(StorageRpc.getDocument, { documentId: created.id }, other),
      rpc(StorageRpc.deleteDocument, { documentId: created.id }, other),
    ]) {
      expect(await problemOf(call)).toMatchObject({ status: 404, code: 'document.not_found' });
    }

    // Attached to a dossier (a server-side copy), then removed from the wallet.
    const attached = await rpc<StoredFileView>(StorageRpc.copyFile, {
      fileId: created.fileId,
      purpose: 'attachment',
    });
    expect(await problemOf(rpc(StorageRpc.deleteFile, { fileId: file.id }))).toMatchObject({
      status: 409,
      code: 'file.in_use',
    });
    expect(await rpc(StorageRpc.deleteDocument, { documentId: created.id })).toEqual({
      id: created.id,
      deleted: true,
    });
    expect(await problemOf(rpc(StorageRpc.getDocument, { documentId: created.id }))).toMatchObject({
      status: 404,
    });
    expect((await download(file.id)).status).toBe(404);
    const copy = await download(attached.id);
    expect(copy.status).toBe(200);
    expect(copy.body.equals(pdf)).toBe(true);
  });

  it('wallet: refuses a file that is not the caller’s, not a wallet file, or already filed', async () => {
    const input = { type: 'degree', title: 'Bằng tốt nghiệp' };
    const wallet = await uploaded(await samplePdf(), { purpose: 'wallet' });
    const attachment = await uploaded(await samplePdf());
    expect(
      await problemOf(rpc(StorageRpc.createDocument, { ...input, fileId: wallet.id }, other)),
    ).toMatchObject({ status: 404, code: 'file.not_found' });
    expect(
      await problemOf(rpc(StorageRpc.createDocument, { ...input, fileId: attachment.id })),
    ).toMatchObject({ status: 400, code: 'document.file_not_wallet' });
    await rpc(StorageRpc.createDocument, { ...input, fileId: wallet.id });
    expect(
      await problemOf(rpc(StorageRpc.createDocument, { ...input, fileId: wallet.id })),
    ).toMatchObject({ status: 409, code: 'document.file_in_use' });
    expect(
      await problemOf(
        rpc(StorageRpc.createDocument, { ...input, type: 'passport', fileId: wallet.id }),
      ),
    ).toMatchObject({ status: 400, code: 'validation.failed' });
    expect(await problemOf(rpc(StorageRpc.listDocuments, {}, null))).toMatchObject({ status: 401 });
  });

  // ---- presigned uploads (agency systems' results) ---------------------------------------

  describe('presigned uploads', () => {
    const dossierId = randomUUID();
    const presign = (data: Record<string, unknown> = {}, caller: Caller | null = null) =>
      rpc<PresignedUploadView>(
        PresignedUploadRpc.presignUpload,
        { ownerId: dossierId, purpose: 'result', internal: true, ...data },
        caller,
      );
    const finalize = (fileId: string, data: Record<string, unknown> = {}) =>
      rpc<StoredFileView>(
        PresignedUploadRpc.finalize,
        { fileId, ownerId: dossierId, internal: true, ...data },
        null,
      );
    const put = (url: string, body: Buffer) => fetch(url, { method: 'PUT', body });

    it('hands out a URL for quarantine/<id>, valid 300 s at most; the file is pending, not served', async () => {
      const before = Date.now();
      const upload = await presign({ fileName: 'Giấy phép.pdf' });
      const url = new URL(upload.uploadUrl);
      expect(url.pathname).toBe(`/dvc-files/quarantine/${upload.fileId}`);
      expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
      expect(Date.parse(upload.expiresAt) - before).toBeLessThanOrEqual(300_000 + 1000);
      expect(await fileRow(upload.fileId)).toMatchObject({ status: 'pending' });
      expect((await download(upload.fileId)).status).toBe(404);
      expect(
        await problemOf(rpc(StorageRpc.getFile, { fileId: upload.fileId, internal: true }, null)),
      ).toMatchObject({ status: 404 });
    });

    it('finalize checks the bytes like an HTTP upload and keeps them clean; again answers the same file', async () => {
      const pdf = await samplePdf();
      const upload = await presign({ fileName: 'Giấy phép.pdf' });
      expect(await problemOf(finalize(upload.fileId))).toMatchObject({
        status: 422,
        code: 'file.upload_missing',
      });
      expect((await put(upload.uploadUrl, pdf)).status).toBe(200);
      const file = await finalize(upload.fileId);
      expect(file).toMatchObject({
        id: upload.fileId,
        ownerId: dossierId,
        purpose: 'result',
        fileName: 'Giấy phép.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        sha256: sha256(pdf),
        status: 'clean',
      });
      expect((await download(upload.fileId)).body).toEqual(pdf);
      expect(await keys('quarantine/')).toEqual([]);
      expect(await finalize(upload.fileId)).toEqual(file);
    });

    it('refuses another owner, a citizen caller, and an account asking for a URL', async () => {
      const upload = await presign();
      await put(upload.uploadUrl, await samplePdf());
      expect(await problemOf(finalize(upload.fileId, { ownerId: randomUUID() }))).toMatchObject({
        status: 404,
      });
      expect(
        await problemOf(rpc(PresignedUploadRpc.finalize, { fileId: upload.fileId }, citizen)),
      ).toMatchObject({ status: 403, code: 'file.service_only' });
      expect(await problemOf(presign({ internal: undefined }, citizen))).toMatchObject({
        status: 403,
      });
      expect(await problemOf(presign({ purpose: 'wallet' }))).toMatchObject({ status: 400 });
    });

    it('refuses what is not allowed or too large, drops the bytes and stays pending for another PUT', async () => {
      const upload = await presign();
      const quarantined = await keys('quarantine/');
      await put(upload.uploadUrl, windowsExe());
      expect(await problemOf(finalize(upload.fileId))).toMatchObject({
        status: 415,
        code: 'file.type_not_allowed',
      });
      expect(await fileRow(upload.fileId)).toMatchObject({ status: 'pending' });
      expect(await keys('quarantine/')).toEqual(quarantined);

      await put(upload.uploadUrl, await samplePdf());
      expect(await problemOf(finalize(upload.fileId, { maxBytes: 10 }))).toMatchObject({
        status: 413,
        code: 'file.too_large',
      });
      await put(upload.uploadUrl, await samplePdf());
      expect((await finalize(upload.fileId)).status).toBe('clean');
    });

    it('rejects EICAR: infected, never served, storage.file.rejected published', async () => {
      const upload = await presign({ fileName: 'ket-qua.pdf' });
      await put(upload.uploadUrl, await eicarPdf());
      expect(await problemOf(finalize(upload.fileId))).toMatchObject({
        status: 422,
        code: 'file.infected',
      });
      expect(await fileRow(upload.fileId)).toMatchObject({
        status: 'infected',
        signature: 'Eicar-Test-Signature',
      });
      await waitFor(
        () => events.some((e) => e.data.fileId === upload.fileId && e.data.reason === 'infected'),
        { what: 'storage.file.rejected of the presigned upload' },
      );
      expect(await keys('clean/')).not.toContain(`clean/${upload.fileId}`);
      expect(await problemOf(finalize(upload.fileId))).toMatchObject({ status: 404 });
    });

    it('cleanup forgets an upload never finalized once its URL expired', async () => {
      const upload = await presign();
      const cleanup = app.get(CleanupService);
      expect((await cleanup.run()).pendingExpired).toBe(0);
      const report = await cleanup.run(new Date(Date.now() + 2 * 3_600_000));
      expect(report.pendingExpired).toBeGreaterThanOrEqual(1);
      expect(await fileRow(upload.fileId)).toBeUndefined();
    });
  });

  // ---- cleanup -------------------------------------------------------------------------

  it('cleanup: removes orphaned quarantine objects and unclaimed attachments, keeps claimed ones', async () => {
    const claimed = await uploaded(await samplePdf());
    const unclaimed = await uploaded(await samplePdf());
    const othersFile = await uploaded(await samplePdf(), { owner: other.accountId });
    // A citizen claims only their own files; a service any.
    expect(await rpc(StorageRpc.claimFiles, { fileIds: [claimed.id, othersFile.id] })).toEqual({
      claimed: [claimed.id],
    });
    expect(
      await rpc(
        StorageRpc.claimFiles,
        { fileIds: [othersFile.id, randomUUID()], internal: true },
        null,
      ),
    ).toEqual({ claimed: [othersFile.id] });
    // What a crashed upload leaves behind.
    await store.putStream(
      'quarantine/' + randomUUID(),
      Readable.from([Buffer.from('%PDF-1.7 half')]),
    );

    const cleanup = app.get(CleanupService);
    // Now: nothing is old enough.
    expect(await cleanup.run()).toEqual({
      quarantineRemoved: 0,
      unclaimedDeleted: 0,
      objectsPurged: 0,
      pendingExpired: 0,
    });
    // A day and an hour later.
    const report = await cleanup.run(new Date(Date.now() + 25 * 3_600_000));
    expect(report.quarantineRemoved).toBe(1);
    expect(await keys('quarantine/')).toEqual([]);
    expect(await fileRow(unclaimed.id)).toMatchObject({ status: 'deleted' });
    expect(await keys('clean/')).not.toContain(`clean/${unclaimed.id}`);
    expect((await download(claimed.id)).status).toBe(200);
    expect((await download(othersFile.id)).status).toBe(200);
  });

  // ---- constant memory ----------------------------------------------------------------

  describe('with the cap raised to 40 MB', () => {
    beforeAll(async () => {
      await app.close();
      await start({ MAX_FILE_BYTES: String(40 * MiB) });
    }, 60_000);

    /** s3rver keeps the parts of unfinished multipart uploads here. */
    const pendingUploads = async (): Promise<string[]> =>
      readdir(join(s3Directory, 'dvc-files', '._S3rver_uploads')).catch(() => []);

    it('past the cap in the middle of a multipart upload: 413, the parts dropped, no object', async () => {
      const before = { clean: await keys('clean/'), quarantine: await keys('quarantine/') };
      const answer = await upload(generatedPdf(44 * MiB));
      expect(answer.status).toBe(413);
      expect(json<ProblemShape>(answer)).toMatchObject({
        code: 'file.too_large',
        maxBytes: 40 * MiB,
      });
      expect(await keys('clean/')).toEqual(before.clean);
      expect(await keys('quarantine/')).toEqual(before.quarantine);
      expect(await pendingUploads()).toEqual([]);
    });

    it('a client gone mid-body: the upload is abandoned, its parts dropped', async () => {
      const req = httpRequest(`${baseUrl}${StorageHttp.upload}`, {
        method: 'POST',
        headers: {
          [INTERNAL_TOKEN_HEADER]: TOKEN,
          [StorageHttp.headers.owner]: citizen.accountId,
          [StorageHttp.headers.purpose]: 'attachment',
        },
      });
      req.on('error', () => undefined);
      // Sends 12 MB, then nothing: the client hangs mid-body.
      generatedPdf(12 * MiB)
        .on('end', () => undefined)
        .pipe(req, { end: false });
      await waitFor(async () => (await pendingUploads()).length > 0, {
        what: 'a part in the store',
      });
      req.destroy();
      await waitFor(async () => (await pendingUploads()).length === 0, {
        what: 'the parts dropped',
      });
      expect(await keys('quarantine/')).toEqual([]);
    });

    it('streams a 30 MB upload and its download while RSS grows by less than 40 MB', async () => {
      // Warm up first (code paths compiled, the part buffer, the store's files), so what is
      // measured is what grows with the size of the file.
      expect((await upload(generatedPdf(12 * MiB))).status).toBe(201);
      const total = 30 * MiB;
      const sent = createHash('sha256');
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      try {
        const answer = await upload(generatedPdf(total, sent), { fileName: 'lớn.pdf' });
        expect(answer.status).toBe(201);
        const file = json<StoredFileView>(answer);
        expect(file.size).toBe(total);
        expect(file.sha256).toBe(sent.digest('hex'));

        // The download streams too: hashed as it arrives, never held.
        const received = createHash('sha256');
        let length = 0;
        await new Promise<void>((resolve, reject) => {
          httpRequest(
            `${baseUrl}${StorageHttp.content(file.id)}`,
            {
              headers: { [INTERNAL_TOKEN_HEADER]: TOKEN },
            },
            (res) => {
              res.on('data', (c: Buffer) => {
                length += c.length;
                received.update(c);
              });
              res.on('end', resolve);
              res.on('error', reject);
            },
          )
            .on('error', reject)
            .end();
        });
        expect(length).toBe(total);
        expect(received.digest('hex')).toBe(file.sha256);
      } finally {
        clearInterval(sampler);
      }
      expect((peak - before) / MiB).toBeLessThan(40);
    });
  });
});
