import { randomUUID } from 'node:crypto';
import {
  Caller,
  PresignedUploadRpc,
  PresignedUploadView,
  StorageRpc,
  StoredFileView,
} from '@dvc/contracts';
import { problemOf, waitFor } from '@dvc/testing';
import { eicarPdf, samplePdf, windowsExe } from '../../test/sample-files';
import { StorageTestContext, sha256, startStorageContext } from '../../test/storage-context';
import { CleanupService } from '../cleanup/cleanup.service';

jest.setTimeout(60_000);

/** Presigned uploads: agency systems PUT their results straight to the store, then finalize. */
describe('presigned uploads', () => {
  let ctx: StorageTestContext;

  beforeAll(async () => {
    ctx = await startStorageContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 30_000);

  /** A URL to PUT a result of a new dossier to, as the dossier service asks for one. */
  const presign = (
    dossierId: string,
    data: Record<string, unknown> = {},
    caller: Caller | null = null,
  ) =>
    ctx.rpc<PresignedUploadView>(
      PresignedUploadRpc.presignUpload,
      { ownerId: dossierId, purpose: 'result', internal: true, ...data },
      caller,
    );
  const finalize = (dossierId: string, fileId: string, data: Record<string, unknown> = {}) =>
    ctx.rpc<StoredFileView>(
      PresignedUploadRpc.finalize,
      { fileId, ownerId: dossierId, internal: true, ...data },
      null,
    );
  const put = (url: string, body: Buffer) => fetch(url, { method: 'PUT', body });

  it('hands out a URL for quarantine/<id>, valid 300 s at most; the file is pending, not served', async () => {
    const before = Date.now();
    const upload = await presign(randomUUID(), { fileName: 'Giấy phép.pdf' });
    const url = new URL(upload.uploadUrl);
    expect(url.pathname).toBe(`/dvc-files/quarantine/${upload.fileId}`);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    expect(Date.parse(upload.expiresAt) - before).toBeLessThanOrEqual(300_000 + 1000);
    expect(await ctx.fileRow(upload.fileId)).toMatchObject({ status: 'pending' });
    expect((await ctx.download(upload.fileId)).status).toBe(404);
    expect(
      await problemOf(ctx.rpc(StorageRpc.getFile, { fileId: upload.fileId, internal: true }, null)),
    ).toMatchObject({ status: 404 });
  });

  it('finalize checks the bytes like an HTTP upload and keeps them clean; again answers the same file', async () => {
    const dossierId = randomUUID();
    const pdf = await samplePdf();
    const upload = await presign(dossierId, { fileName: 'Giấy phép.pdf' });
    expect(await problemOf(finalize(dossierId, upload.fileId))).toMatchObject({
      status: 422,
      code: 'file.upload_missing',
    });
    expect((await put(upload.uploadUrl, pdf)).status).toBe(200);
    const file = await finalize(dossierId, upload.fileId);
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
    expect((await ctx.download(upload.fileId)).body).toEqual(pdf);
    expect(await ctx.keys('quarantine/')).not.toContain(`quarantine/${upload.fileId}`);
    expect(await finalize(dossierId, upload.fileId)).toEqual(file);
  });

  it('refuses another owner, a citizen caller, and an account asking for a URL', async () => {
    const dossierId = randomUUID();
    const citizen = ctx.newCitizen();
    const upload = await presign(dossierId);
    await put(upload.uploadUrl, await samplePdf());
    expect(
      await problemOf(finalize(dossierId, upload.fileId, { ownerId: randomUUID() })),
    ).toMatchObject({
      status: 404,
    });
    expect(
      await problemOf(ctx.rpc(PresignedUploadRpc.finalize, { fileId: upload.fileId }, citizen)),
    ).toMatchObject({ status: 403, code: 'file.service_only' });
    expect(await problemOf(presign(dossierId, { internal: undefined }, citizen))).toMatchObject({
      status: 403,
    });
    expect(await problemOf(presign(dossierId, { purpose: 'wallet' }))).toMatchObject({
      status: 400,
    });
  });

  it('refuses what is not allowed or too large, drops the bytes and stays pending for another PUT', async () => {
    const dossierId = randomUUID();
    const upload = await presign(dossierId);
    const quarantined = await ctx.keys('quarantine/');
    await put(upload.uploadUrl, windowsExe());
    expect(await problemOf(finalize(dossierId, upload.fileId))).toMatchObject({
      status: 415,
      code: 'file.type_not_allowed',
    });
    expect(await ctx.fileRow(upload.fileId)).toMatchObject({ status: 'pending' });
    expect(await ctx.keys('quarantine/')).toEqual(quarantined);

    await put(upload.uploadUrl, await samplePdf());
    expect(await problemOf(finalize(dossierId, upload.fileId, { maxBytes: 10 }))).toMatchObject({
      status: 413,
      code: 'file.too_large',
    });
    await put(upload.uploadUrl, await samplePdf());
    expect((await finalize(dossierId, upload.fileId)).status).toBe('clean');
  });

  it('rejects EICAR: infected, never served, storage.file.rejected published', async () => {
    const dossierId = randomUUID();
    const upload = await presign(dossierId, { fileName: 'ket-qua.pdf' });
    await put(upload.uploadUrl, await eicarPdf());
    expect(await problemOf(finalize(dossierId, upload.fileId))).toMatchObject({
      status: 422,
      code: 'file.infected',
    });
    expect(await ctx.fileRow(upload.fileId)).toMatchObject({
      status: 'infected',
      signature: 'Eicar-Test-Signature',
    });
    await waitFor(
      () => ctx.events.some((e) => e.data.fileId === upload.fileId && e.data.reason === 'infected'),
      { what: 'storage.file.rejected of the presigned upload' },
    );
    expect(await ctx.keys('clean/')).not.toContain(`clean/${upload.fileId}`);
    expect(await problemOf(finalize(dossierId, upload.fileId))).toMatchObject({ status: 404 });
  });

  it('cleanup forgets an upload never finalized once its URL expired', async () => {
    const upload = await presign(randomUUID());
    const cleanup = ctx.app.get(CleanupService);
    expect((await cleanup.run()).pendingExpired).toBe(0);
    const report = await cleanup.run(new Date(Date.now() + 2 * 3_600_000));
    expect(report.pendingExpired).toBeGreaterThanOrEqual(1);
    expect(await ctx.fileRow(upload.fileId)).toBeUndefined();
  });
});
