import { ProblemShape, StorageHttp } from '@dvc/contracts';
import { samplePdf } from '../../test/sample-files';
import { StorageTestContext, json, startStorageContext } from '../../test/storage-context';

jest.setTimeout(60_000);

/** Internal file reads name who reads: the owner, or a service principal for its purposes. */
describe('who may read a stored file', () => {
  let ctx: StorageTestContext;

  beforeAll(async () => {
    ctx = await startStorageContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 30_000);

  it('serves a file only to its owner or a named service principal, never to nobody', async () => {
    const { owner, principal } = StorageHttp.headers;
    const citizen = ctx.newCitizen();
    const attachment = await ctx.uploaded(await samplePdf('reader'), {
      owner: citizen.accountId,
    });
    const wallet = await ctx.uploaded(await samplePdf('wallet-reader'), {
      owner: citizen.accountId,
      purpose: 'wallet',
    });
    const nobody = await ctx.download(attachment.id, {});
    expect(nobody.status).toBe(400);
    expect(nobody.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(json<ProblemShape>(nobody).code).toBe('download.reader_required');
    const badReaders: Record<string, string>[] = [
      { [principal]: 'gateway' },
      { [owner]: 'not-a-uuid' },
      { [owner]: citizen.accountId, [principal]: 'dossier' },
    ];
    for (const reader of badReaders) {
      expect((await ctx.download(attachment.id, reader)).status).toBe(400);
    }
    // The dossier service's principal reads dossier files, never a wallet document.
    expect((await ctx.download(attachment.id, { [principal]: 'dossier' })).status).toBe(200);
    expect((await ctx.download(wallet.id, { [principal]: 'dossier' })).status).toBe(404);
    expect((await ctx.download(wallet.id, { [owner]: citizen.accountId })).status).toBe(200);
    expect((await ctx.download(wallet.id, { [owner]: ctx.newCitizen().accountId })).status).toBe(
      404,
    );
  });
});
