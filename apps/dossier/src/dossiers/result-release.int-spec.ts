import { randomUUID } from 'node:crypto';
import { DomainError, DossierRpc, Events, FileAuthorizationView } from '@dvc/contracts';
import { problemOf, waitFor } from '@dvc/testing';
import { DossierTestContext, eventOf, startDossierContext } from '../../test/dossier-context';

jest.setTimeout(60_000);

/** Kết quả: the applicant sees and downloads it only from RESULT_READY on. */
describe('result release', () => {
  let ctx: DossierTestContext;

  beforeAll(async () => {
    ctx = await startDossierContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  it('releases a result to the applicant only from RESULT_READY on, never before the fee is paid', async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer();
    const { id } = await ctx.newReceivedDossier(citizen, officer);
    await ctx.act(id, 'start', officer);
    const resultFile = ctx.storeFile(officer, 'result', 3000, 'ket-qua.pdf');
    await ctx.rpc(DossierRpc.officerAddResult, { dossierId: id, fileId: resultFile.id }, officer);
    const applicantSees = async () => {
      const listed = (await ctx.get(id, citizen)).results.map((r) => r.fileId);
      const download = await ctx
        .rpc<FileAuthorizationView>(
          DossierRpc.authorizeFile,
          { dossierId: id, fileId: resultFile.id },
          citizen,
        )
        .then(
          (a) => a.kind,
          (err: unknown) => (err as DomainError).code,
        );
      return { listed, download };
    };
    const hidden = { listed: [], download: 'file.not_found' };
    // Released, the applicant's list holds the agency's signed copy, not the uploaded file.
    const shown = { listed: [expect.not.stringMatching(resultFile.id)], download: 'result' };

    expect(await applicantSees()).toEqual(hidden); // PROCESSING
    // The officer works with it all along.
    expect(
      (await ctx.act(id, 'request-payment', officer, { amount: 20_000 })).results,
    ).toHaveLength(1);
    expect(await applicantSees()).toEqual(hidden); // PAYMENT_REQUIRED: the fee is not paid
    ctx.publishEvent(
      eventOf(Events.paymentSucceeded, { paymentId: randomUUID(), dossierId: id, amount: 20_000 }),
    );
    await waitFor(async () => (await ctx.get(id, citizen)).status === 'PROCESSING', {
      what: 'fee paid',
    });
    expect(await applicantSees()).toEqual(hidden);
    await ctx.act(id, 'complete', officer);
    expect(await applicantSees()).toEqual(shown); // RESULT_READY
    await ctx.act(id, 'return', officer);
    expect(await applicantSees()).toEqual(shown); // RETURNED
  });

  it('keeps a result attached before a refusal from the applicant', async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer();
    const { id } = await ctx.newReceivedDossier(citizen, officer);
    await ctx.act(id, 'start', officer);
    const resultFile = ctx.storeFile(officer, 'result');
    await ctx.rpc(DossierRpc.officerAddResult, { dossierId: id, fileId: resultFile.id }, officer);
    expect((await ctx.act(id, 'refuse', officer, { note: 'Không đủ điều kiện' })).status).toBe(
      'REFUSED',
    );
    expect((await ctx.get(id, citizen)).results).toEqual([]);
    expect(
      (
        await problemOf(
          ctx.rpc(DossierRpc.authorizeFile, { dossierId: id, fileId: resultFile.id }, citizen),
        )
      ).code,
    ).toBe('file.not_found');
  });
});
