import { randomUUID } from 'node:crypto';
import {
  EventEnvelope,
  Events,
  ProblemShape,
  StorageFileRejectedEvent,
  StorageHttp,
  StorageRpc,
  StoredFileView,
} from '@dvc/contracts';
import { INTERNAL_TOKEN_HEADER } from '@dvc/http';
import { problemOf, waitFor } from '@dvc/testing';
import {
  eicarPdf,
  plainZip,
  sampleDocx,
  samplePdf,
  samplePng,
  sampleXlsx,
  signedXml,
  windowsExe,
} from '../../test/sample-files';
import {
  KiB,
  MiB,
  StorageTestContext,
  generatedPdf,
  json,
  sha256,
  startStorageContext,
} from '../../test/storage-context';

jest.setTimeout(60_000);

/** The internal upload and download API the gateway streams files through. */
describe('document-storage uploads and downloads', () => {
  let ctx: StorageTestContext;

  beforeAll(async () => {
    ctx = await startStorageContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 30_000);

  // ---- ops -----------------------------------------------------------------------------

  it('answers ping and reports ready with Postgres, RabbitMQ, the object store and Redis', async () => {
    expect(await ctx.rpc(StorageRpc.ping, {}, null)).toEqual({ ok: true });
    const ready = await ctx.http('GET', '/health/ready');
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
      const answer = await ctx.upload(await samplePdf(), { token });
      expect(answer.status).toBe(401);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(json<ProblemShape>(answer)).toMatchObject({
        status: 401,
        code: 'internal.unauthorized',
      });
    }
    const file = await ctx.uploaded(await samplePdf());
    expect((await ctx.download(file.id, { [INTERNAL_TOKEN_HEADER]: 'nope' })).status).toBe(401);
  });

  // ---- uploads that are accepted --------------------------------------------------------

  it('stores a PDF: 201, SHA-256 of the bytes, type from the bytes, object under clean/ only', async () => {
    const citizen = ctx.newCitizen();
    const quarantined = await ctx.keys('quarantine/');
    const pdf = await samplePdf();
    const answer = await ctx.upload(pdf, {
      owner: citizen.accountId,
      fileName: '../../Giấy khai sinh\u0000.pdf',
    });
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
    expect(await ctx.keys('clean/')).toContain(`clean/${file.id}`);
    expect(await ctx.keys('quarantine/')).toEqual(quarantined);
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
    const answer = await ctx.upload(bytes, { fileName, extra: { 'content-type': 'image/jpeg' } });
    expect(answer.status).toBe(201);
    expect(json<StoredFileView>(answer)).toMatchObject({
      contentType,
      size: bytes.length,
      sha256: sha256(bytes),
    });
  });

  it('takes the body raw whatever the declared content type (even JSON)', async () => {
    const pdf = await samplePdf('raw');
    const answer = await ctx.upload(pdf, { extra: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(201);
    expect(json<StoredFileView>(answer).sha256).toBe(sha256(pdf));
  });

  it('streams a clean file back with its type, length and an attachment disposition', async () => {
    const citizen = ctx.newCitizen();
    const other = ctx.newCitizen();
    const png = samplePng();
    const file = await ctx.uploaded(png, {
      owner: citizen.accountId,
      fileName: 'Ảnh thẻ "3x4".png',
    });
    const answer = await ctx.download(file.id);
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
    expect((await ctx.download(file.id, { [owner]: citizen.accountId })).status).toBe(200);
    expect((await ctx.download(file.id, { [owner]: other.accountId })).status).toBe(404);
  });

  it('answers 404 problems for unknown and malformed file ids', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '..%2F..%2Fetc']) {
      const answer = await ctx.download(id);
      expect(answer.status).toBe(404);
      expect(json<ProblemShape>(answer)).toMatchObject({ code: 'file.not_found' });
    }
  });

  // ---- uploads that are refused --------------------------------------------------------

  it('rejects a PDF carrying EICAR: 422, no clean object, the file never served, an event via the outbox', async () => {
    const citizen = ctx.newCitizen();
    const cleanBefore = await ctx.keys('clean/');
    const quarantined = await ctx.keys('quarantine/');
    const answer = await ctx.upload(await eicarPdf(), {
      owner: citizen.accountId,
      fileName: 'don.pdf',
    });
    expect(answer.status).toBe(422);
    expect(json<ProblemShape>(answer)).toMatchObject({ status: 422, code: 'file.infected' });
    expect(await ctx.keys('clean/')).toEqual(cleanBefore);
    expect(await ctx.keys('quarantine/')).toEqual(quarantined);

    const [outbox] = await ctx.sut.db.query(
      `SELECT envelope FROM "${ctx.sut.schema}".outbox
        WHERE type = $1 AND envelope->'data'->>'ownerId' = $2`,
      [Events.storageFileRejected, citizen.accountId],
    );
    const rejected = outbox.envelope as EventEnvelope<StorageFileRejectedEvent>;
    expect(rejected.data).toMatchObject({
      ownerId: citizen.accountId,
      purpose: 'attachment',
      fileName: 'don.pdf',
      reason: 'infected',
      signature: 'Eicar-Test-Signature',
    });
    expect(await ctx.fileRow(rejected.data.fileId)).toMatchObject({
      status: 'infected',
      signature: 'Eicar-Test-Signature',
    });
    await waitFor(() => ctx.events.some((e) => e.id === rejected.id), {
      what: 'the rejected event on dvc.events',
    });
    expect((await ctx.download(rejected.data.fileId)).status).toBe(404);
    expect(
      await problemOf(ctx.rpc(StorageRpc.getFile, { fileId: rejected.data.fileId }, citizen)),
    ).toMatchObject({ status: 404 });
  });

  it.each([
    ['an executable renamed .pdf', windowsExe, 'hoa-don.pdf'],
    ['a plain ZIP renamed .docx', plainZip, 'don.docx'],
    ['HTML', () => Buffer.from('<html><script>alert(1)</script></html>'), 'trang.pdf'],
  ])('refuses %s with 415 and stores nothing', async (_label, make, fileName) => {
    const before = [...(await ctx.keys('clean/')), ...(await ctx.keys('quarantine/'))];
    const answer = await ctx.upload(make(), { fileName });
    expect(answer.status).toBe(415);
    expect(json<ProblemShape>(answer)).toMatchObject({ code: 'file.type_not_allowed' });
    expect([...(await ctx.keys('clean/')), ...(await ctx.keys('quarantine/'))]).toEqual(before);
  });

  it('refuses an empty file with 400 file.empty', async () => {
    const answer = await ctx.upload(Buffer.alloc(0));
    expect(answer.status).toBe(400);
    expect(json<ProblemShape>(answer)).toMatchObject({ code: 'file.empty' });
  });

  it('refuses a file over MAX_FILE_BYTES with 413 mid-stream and leaves no object behind', async () => {
    const before = { clean: await ctx.keys('clean/'), quarantine: await ctx.keys('quarantine/') };
    const answer = await ctx.upload(generatedPdf(300 * KiB));
    expect(answer.status).toBe(413);
    expect(json<ProblemShape>(answer)).toMatchObject({ status: 413, code: 'file.too_large' });
    expect(await ctx.keys('clean/')).toEqual(before.clean);
    expect(await ctx.keys('quarantine/')).toEqual(before.quarantine);
    // The connection is still usable: the rest of the body was drained, not left hanging.
    expect((await ctx.upload(await samplePdf())).status).toBe(201);
  });

  it('lets x-max-bytes lower the cap (what is left of the dossier quota) but never raise it', async () => {
    const maxBytes = StorageHttp.headers.maxBytes;
    const pdf = await samplePdf();
    const lowered = await ctx.upload(pdf, { extra: { [maxBytes]: String(pdf.length - 1) } });
    expect(lowered.status).toBe(413);
    expect((await ctx.upload(pdf, { extra: { [maxBytes]: String(pdf.length) } })).status).toBe(201);
    const raised = await ctx.upload(generatedPdf(100 * KiB), {
      extra: { [maxBytes]: String(10 * MiB) },
    });
    expect(raised.status).toBe(413);
  });

  it('refuses bad upload headers with one 400 listing each', async () => {
    const answer = await ctx.upload(await samplePdf(), {
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
});
