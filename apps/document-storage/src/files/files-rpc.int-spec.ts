import { StorageRpc, StoredFileView } from '@dvc/contracts';
import { problemOf } from '@dvc/testing';
import { samplePdf } from '../../test/sample-files';
import { StorageTestContext, startStorageContext } from '../../test/storage-context';

jest.setTimeout(60_000);

/** Files over RPC, as the dossier service and the gateway ask for them. */
describe('document-storage files over RPC', () => {
  let ctx: StorageTestContext;

  beforeAll(async () => {
    ctx = await startStorageContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 30_000);

  it('getFile: the owner or a service (no caller, internal) only; anyone else 404, no caller 401', async () => {
    const citizen = ctx.newCitizen();
    const other = ctx.newCitizen();
    const file = await ctx.uploaded(await samplePdf(), { owner: citizen.accountId });
    expect(await ctx.rpc<StoredFileView>(StorageRpc.getFile, { fileId: file.id }, citizen)).toEqual(
      file,
    );
    expect(
      await ctx.rpc<StoredFileView>(StorageRpc.getFile, { fileId: file.id, internal: true }, null),
    ).toEqual(file);
    expect(await problemOf(ctx.rpc(StorageRpc.getFile, { fileId: file.id }, other))).toMatchObject({
      status: 404,
      code: 'file.not_found',
    });
    // The flag means nothing with a caller: a citizen cannot claim to be a service.
    expect(
      await problemOf(ctx.rpc(StorageRpc.getFile, { fileId: file.id, internal: true }, other)),
    ).toMatchObject({ status: 404 });
    expect(await problemOf(ctx.rpc(StorageRpc.getFile, { fileId: file.id }, null))).toMatchObject({
      status: 401,
    });
    expect(
      await problemOf(ctx.rpc(StorageRpc.getFile, { fileId: 'x', extra: 1 }, citizen)),
    ).toMatchObject({
      status: 400,
      code: 'validation.failed',
    });
  });

  it('copyFile: a server-side copy with a new id, the same bytes and SHA-256', async () => {
    const citizen = ctx.newCitizen();
    const other = ctx.newCitizen();
    const pdf = await samplePdf('ban sao');
    const original = await ctx.uploaded(pdf, {
      owner: citizen.accountId,
      purpose: 'wallet',
      fileName: 'CCCD.pdf',
    });
    const copy = await ctx.rpc<StoredFileView>(
      StorageRpc.copyFile,
      { fileId: original.id, ownerId: citizen.accountId, purpose: 'attachment' },
      citizen,
    );
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
    expect((await ctx.download(copy.id)).body.equals(pdf)).toBe(true);

    // A service copies to the owner it names; a citizen only to themselves and only their own.
    const byService = await ctx.rpc<StoredFileView>(
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
        ctx.rpc(
          StorageRpc.copyFile,
          { fileId: original.id, ownerId: other.accountId, purpose: 'attachment' },
          citizen,
        ),
      ),
    ).toMatchObject({ status: 403, code: 'file.copy_forbidden' });
    expect(
      await problemOf(
        ctx.rpc(StorageRpc.copyFile, { fileId: original.id, purpose: 'attachment' }, other),
      ),
    ).toMatchObject({ status: 404 });
    // Without ownerId the copy is the caller's (how the dossier service calls on behalf of a citizen).
    expect(
      await ctx.rpc<StoredFileView>(
        StorageRpc.copyFile,
        { fileId: original.id, purpose: 'attachment' },
        citizen,
      ),
    ).toMatchObject({
      ownerId: citizen.accountId,
    });
  });

  it('deleteFile: the object goes, the file is 404 afterwards; someone else cannot delete it', async () => {
    const citizen = ctx.newCitizen();
    const other = ctx.newCitizen();
    const file = await ctx.uploaded(await samplePdf(), { owner: citizen.accountId });
    expect(
      await problemOf(ctx.rpc(StorageRpc.deleteFile, { fileId: file.id }, other)),
    ).toMatchObject({
      status: 404,
    });
    expect(
      await ctx.rpc<StoredFileView>(StorageRpc.deleteFile, { fileId: file.id }, citizen),
    ).toMatchObject({
      id: file.id,
      status: 'deleted',
    });
    expect(await ctx.keys('clean/')).not.toContain(`clean/${file.id}`);
    expect((await ctx.download(file.id)).status).toBe(404);
    expect(
      await problemOf(ctx.rpc(StorageRpc.deleteFile, { fileId: file.id }, citizen)),
    ).toMatchObject({
      status: 404,
    });
  });
});
