import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { StorageRpc } from '@dvc/contracts';
import { samplePdf } from '../../test/sample-files';
import { StorageTestContext, startStorageContext } from '../../test/storage-context';
import { CleanupService } from './cleanup.service';

jest.setTimeout(60_000);

/** The daily cleanup: what an upload or a draft leaves behind goes; what a dossier holds stays. */
describe('storage cleanup', () => {
  let ctx: StorageTestContext;

  beforeAll(async () => {
    ctx = await startStorageContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 30_000);

  it('cleanup: removes orphaned quarantine objects and unclaimed attachments, keeps claimed ones', async () => {
    const citizen = ctx.newCitizen();
    const other = ctx.newCitizen();
    const claimed = await ctx.uploaded(await samplePdf(), { owner: citizen.accountId });
    const unclaimed = await ctx.uploaded(await samplePdf(), { owner: citizen.accountId });
    const othersFile = await ctx.uploaded(await samplePdf(), { owner: other.accountId });
    // A citizen claims only their own files; a service any.
    expect(
      await ctx.rpc(StorageRpc.claimFiles, { fileIds: [claimed.id, othersFile.id] }, citizen),
    ).toEqual({
      claimed: [claimed.id],
    });
    expect(
      await ctx.rpc(
        StorageRpc.claimFiles,
        { fileIds: [othersFile.id, randomUUID()], internal: true },
        null,
      ),
    ).toEqual({ claimed: [othersFile.id] });
    // What a crashed upload leaves behind.
    await ctx.store.putStream(
      'quarantine/' + randomUUID(),
      Readable.from([Buffer.from('%PDF-1.7 half')]),
    );

    const cleanup = ctx.app.get(CleanupService);
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
    expect(await ctx.keys('quarantine/')).toEqual([]);
    expect(await ctx.fileRow(unclaimed.id)).toMatchObject({ status: 'deleted' });
    expect(await ctx.keys('clean/')).not.toContain(`clean/${unclaimed.id}`);
    expect((await ctx.download(claimed.id)).status).toBe(200);
    expect((await ctx.download(othersFile.id)).status).toBe(200);
  });
});
