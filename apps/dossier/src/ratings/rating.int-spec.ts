import {
  AgencyRatingsPage,
  DossierRpc,
  Events,
  OfficerDossierView,
  RatingView,
  ResultFileView,
} from '@dvc/contracts';
import { problemOf } from '@dvc/testing';
import { DossierTestContext, startDossierContext } from '../../test/dossier-context';
import { OTHER_AGENCY } from '../../test/fixtures';

jest.setTimeout(60_000);

describe('satisfaction ratings', () => {
  let ctx: DossierTestContext;

  beforeAll(async () => {
    ctx = await startDossierContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  const rate = (dossierId: string, body: Record<string, unknown>, who = ctx.newCitizen()) =>
    ctx.rpc<RatingView>(DossierRpc.rate, { dossierId, ...body }, who);

  it('takes the applicant’s rating once after the result, shows it on the dossier and puts dossier.rated in the outbox', async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer();
    const { submitted } = await ctx.newReturnedDossier(citizen, officer);

    const rating = await rate(
      submitted.id,
      { score: 5, criteria: { timeliness: 5, courtesy: 4 }, comment: 'Cán bộ hướng dẫn tận tình' },
      citizen,
    );
    expect(rating).toMatchObject({
      score: 5,
      criteria: { timeliness: 5, courtesy: 4 },
      comment: 'Cán bộ hướng dẫn tận tình',
    });
    const view = await ctx.get(submitted.id, citizen);
    expect(view.rating).toEqual(rating);

    const again = await problemOf(rate(submitted.id, { score: 1 }, citizen));
    expect(again).toMatchObject({ status: 409, code: 'rating.already_rated' });

    const [{ n }] = await ctx.sut.db.query(
      `SELECT count(*)::int AS n FROM "${ctx.sut.schema}".outbox
        WHERE type = $1 AND envelope->'data'->>'dossierId' = $2 AND envelope->'data'->>'score' = '5'`,
      [Events.dossierRated, submitted.id],
    );
    expect(n).toBe(1);
  });

  it('takes a rating as soon as the result is ready', async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer();
    const received = await ctx.newReceivedDossier(citizen, officer);
    await ctx.act(received.id, 'start', officer);
    const file = ctx.storeFile(officer, 'result', 5000, 'ket-qua.pdf');
    await ctx.rpc<ResultFileView>(
      DossierRpc.officerAddResult,
      { dossierId: received.id, fileId: file.id },
      officer,
    );
    await ctx.act(received.id, 'complete', officer);
    expect((await rate(received.id, { score: 3 }, citizen)).score).toBe(3);
  });

  it('refuses a rating before the result (409), someone else’s dossier (404) and a score out of 1–5 (400)', async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer();
    const received = await ctx.newReceivedDossier(citizen, officer);
    expect(await problemOf(rate(received.id, { score: 5 }, citizen))).toMatchObject({
      status: 409,
      code: 'rating.not_rateable',
      currentStatus: 'RECEIVED',
    });

    const { submitted } = await ctx.newReturnedDossier(ctx.newCitizen(), officer);
    expect(await problemOf(rate(submitted.id, { score: 5 }, citizen))).toMatchObject({
      status: 404,
    });
    for (const score of [0, 6, 2.5, '5']) {
      expect(await problemOf(rate(submitted.id, { score }, citizen))).toMatchObject({
        status: 400,
      });
    }
    expect(
      await problemOf(rate(submitted.id, { score: 5, criteria: { price: 5 } }, citizen)),
    ).toMatchObject({ status: 400 });
    const view = await ctx.rpc<OfficerDossierView>(
      DossierRpc.officerGet,
      { dossierId: submitted.id },
      officer,
    );
    expect(view.rating).toBeNull();
  });

  it('lists the ratings of the officer’s agency only, with the mean score', async () => {
    const officer = ctx.newOfficer();
    const unrated = await ctx.newReturnedDossier(ctx.newCitizen(), officer);
    const applicant = ctx.newCitizen();
    const other = await ctx.newReturnedDossier(applicant, officer);
    await rate(other.submitted.id, { score: 2, comment: 'Chậm' }, applicant);
    const citizen = ctx.newCitizen();
    const { submitted } = await ctx.newReturnedDossier(citizen, officer);
    await rate(submitted.id, { score: 4 }, citizen);

    const page = await ctx.rpc<AgencyRatingsPage>(
      DossierRpc.officerRatings,
      { pageSize: 100 },
      officer,
    );
    const codes = page.items.map((r) => r.dossierCode);
    expect(codes).toEqual(expect.arrayContaining([submitted.code, other.submitted.code]));
    expect(codes).not.toContain(unrated.submitted.code);
    const item = page.items.find((r) => r.dossierCode === other.submitted.code)!;
    expect(item).toMatchObject({ score: 2, comment: 'Chậm', dossierId: other.submitted.id });
    expect(JSON.stringify(item)).not.toContain(applicant.accountId);

    const stranger = ctx.newOfficer([OTHER_AGENCY]);
    const theirs = await ctx.rpc<AgencyRatingsPage>(DossierRpc.officerRatings, {}, stranger);
    expect(theirs.items.map((r) => r.dossierCode)).not.toContain(submitted.code);
    const onlyTwos = await ctx.rpc<AgencyRatingsPage>(
      DossierRpc.officerRatings,
      { score: 2, pageSize: 100 },
      officer,
    );
    expect(onlyTwos.items.every((r) => r.score === 2)).toBe(true);
    expect(onlyTwos.averageScore).toBe(2);
  });
});
