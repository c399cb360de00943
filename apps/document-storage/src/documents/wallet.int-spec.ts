import { PersonalDocumentView, StorageHttp, StorageRpc, StoredFileView } from '@dvc/contracts';
import { problemOf } from '@dvc/testing';
import { samplePdf } from '../../test/sample-files';
import { StorageTestContext, sha256, startStorageContext } from '../../test/storage-context';

jest.setTimeout(60_000);

/** Giấy tờ cá nhân: the citizen's documents, kept once and attached to dossiers as copies. */
describe('personal document wallet', () => {
  let ctx: StorageTestContext;

  beforeAll(async () => {
    ctx = await startStorageContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 30_000);

  it('wallet: create, list, get and delete; another citizen sees 404; copies in dossiers survive', async () => {
    const citizen = ctx.newCitizen();
    const other = ctx.newCitizen();
    const pdf = await samplePdf('CCCD');
    const file = await ctx.uploaded(pdf, {
      owner: citizen.accountId,
      purpose: 'wallet',
      fileName: 'Căn cước.pdf',
    });
    const created = await ctx.rpc<PersonalDocumentView>(
      StorageRpc.createDocument,
      {
        fileId: file.id,
        type: 'id-card',
        title: '  Căn cước công dân ',
        number: '001099012345',
        issuedAt: '2021-05-20',
      },
      citizen,
    );
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

    const list = await ctx.rpc<PersonalDocumentView[]>(StorageRpc.listDocuments, {}, citizen);
    expect(list.map((d) => d.id)).toContain(created.id);
    expect(await ctx.rpc<PersonalDocumentView[]>(StorageRpc.listDocuments, {}, other)).toEqual([]);
    expect(await ctx.rpc(StorageRpc.getDocument, { documentId: created.id }, citizen)).toEqual(
      created,
    );
    for (const call of [
      ctx.rpc(StorageRpc.getDocument, { documentId: created.id }, other),
      ctx.rpc(StorageRpc.deleteDocument, { documentId: created.id }, other),
    ]) {
      expect(await problemOf(call)).toMatchObject({ status: 404, code: 'document.not_found' });
    }

    // Attached to a dossier (a server-side copy), then removed from the wallet.
    const attached = await ctx.rpc<StoredFileView>(
      StorageRpc.copyFile,
      { fileId: created.fileId, purpose: 'attachment' },
      citizen,
    );
    expect(
      await problemOf(ctx.rpc(StorageRpc.deleteFile, { fileId: file.id }, citizen)),
    ).toMatchObject({
      status: 409,
      code: 'file.in_use',
    });
    expect(await ctx.rpc(StorageRpc.deleteDocument, { documentId: created.id }, citizen)).toEqual({
      id: created.id,
      deleted: true,
    });
    expect(
      await problemOf(ctx.rpc(StorageRpc.getDocument, { documentId: created.id }, citizen)),
    ).toMatchObject({
      status: 404,
    });
    // Gone even for its owner; the dossier's copy stays.
    const owner = { [StorageHttp.headers.owner]: citizen.accountId };
    expect((await ctx.download(file.id, owner)).status).toBe(404);
    const copy = await ctx.download(attached.id);
    expect(copy.status).toBe(200);
    expect(copy.body.equals(pdf)).toBe(true);
  });

  it('wallet: refuses a file that is not the caller’s, not a wallet file, or already filed', async () => {
    const citizen = ctx.newCitizen();
    const other = ctx.newCitizen();
    const input = { type: 'degree', title: 'Bằng tốt nghiệp' };
    const wallet = await ctx.uploaded(await samplePdf(), {
      owner: citizen.accountId,
      purpose: 'wallet',
    });
    const attachment = await ctx.uploaded(await samplePdf(), { owner: citizen.accountId });
    expect(
      await problemOf(ctx.rpc(StorageRpc.createDocument, { ...input, fileId: wallet.id }, other)),
    ).toMatchObject({ status: 404, code: 'file.not_found' });
    expect(
      await problemOf(
        ctx.rpc(StorageRpc.createDocument, { ...input, fileId: attachment.id }, citizen),
      ),
    ).toMatchObject({ status: 400, code: 'document.file_not_wallet' });
    await ctx.rpc(StorageRpc.createDocument, { ...input, fileId: wallet.id }, citizen);
    expect(
      await problemOf(ctx.rpc(StorageRpc.createDocument, { ...input, fileId: wallet.id }, citizen)),
    ).toMatchObject({ status: 409, code: 'document.file_in_use' });
    expect(
      await problemOf(
        ctx.rpc(
          StorageRpc.createDocument,
          { ...input, type: 'passport', fileId: wallet.id },
          citizen,
        ),
      ),
    ).toMatchObject({ status: 400, code: 'validation.failed' });
    expect(await problemOf(ctx.rpc(StorageRpc.listDocuments, {}, null))).toMatchObject({
      status: 401,
    });
  });
});
