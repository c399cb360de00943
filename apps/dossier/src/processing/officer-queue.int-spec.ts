import { DossierRpc, OfficerDossierSummary, OfficerDossierView, Page } from '@dvc/contracts';
import { DossierTestContext, startDossierContext } from '../../test/dossier-context';

jest.setTimeout(60_000);

describe('the officer queue', () => {
  let ctx: DossierTestContext;

  beforeAll(async () => {
    ctx = await startDossierContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  it('lists the dossier in the officer queue, searchable by code, name without accents or ID number', async () => {
    const citizen = ctx.newCitizen({
      fullName: 'Đặng Thị Huyền Trang',
      email: 'trang@example.vn',
      phone: '0987654321',
      idNumber: '001099054321',
    });
    const officer = ctx.newOfficer();
    const submitted = await ctx.newSubmittedDossier(citizen);
    for (const q of [submitted.code, 'dang thi huyen trang', '001099054321']) {
      const page = await ctx.rpc<Page<OfficerDossierSummary>>(
        DossierRpc.officerList,
        { q },
        officer,
      );
      expect(page.items.map((d) => d.code)).toEqual([submitted.code]);
      expect(page.items[0].applicant).toEqual({
        fullName: 'Đặng Thị Huyền Trang',
        idNumber: '001099054321',
      });
    }
    const view = await ctx.rpc<OfficerDossierView>(
      DossierRpc.officerGet,
      { dossierId: submitted.id },
      officer,
    );
    expect(view.applicant).toEqual({
      accountId: citizen.accountId,
      fullName: 'Đặng Thị Huyền Trang',
      idNumber: '001099054321',
      email: 'trang@example.vn',
      phone: '0987654321',
    });
  });

  it('sorts the officer queue by due date, nulls last, and filters overdue', async () => {
    const officer = ctx.newOfficer();
    // Two with a due date, two without: enough to see the order.
    await ctx.newReceivedDossier(ctx.newCitizen(), officer);
    await ctx.newSubmittedDossier(ctx.newCitizen());
    await ctx.newReceivedDossier(ctx.newCitizen(), officer);
    await ctx.newSubmittedDossier(ctx.newCitizen());
    const page = await ctx.rpc<Page<OfficerDossierSummary>>(
      DossierRpc.officerList,
      { pageSize: 100 },
      officer,
    );
    const dues = page.items.map((d) => d.dueAt);
    const firstNull = dues.indexOf(null);
    expect(firstNull).toBeGreaterThanOrEqual(2);
    expect(dues.slice(0, firstNull)).toEqual([...dues.slice(0, firstNull)].sort());
    expect(dues.slice(firstNull).every((d) => d === null)).toBe(true);
    expect(page.total).toBeGreaterThanOrEqual(4);

    // A received dossier whose due date has passed (set back in the table: time travel).
    const citizen = ctx.newCitizen();
    const { id } = await ctx.newReceivedDossier(citizen, officer);
    await ctx.sut.db.query(
      `UPDATE "${ctx.sut.schema}".dossiers SET due_at = now() - interval '1 hour' WHERE id = $1`,
      [id],
    );
    const overdue = await ctx.rpc<Page<OfficerDossierSummary>>(
      DossierRpc.officerList,
      { overdue: true },
      officer,
    );
    expect(overdue.items.map((d) => [d.id, d.overdue])).toEqual([[id, true]]);
    const onTime = await ctx.rpc<Page<OfficerDossierSummary>>(
      DossierRpc.officerList,
      { overdue: false, pageSize: 100 },
      officer,
    );
    expect(onTime.items.map((d) => d.id)).not.toContain(id);
    expect(onTime.total).toBe(page.total);
    expect((await ctx.get(id, citizen)).overdue).toBe(true);
    // and the queue puts it first: soonest due
    const first = await ctx.rpc<Page<OfficerDossierSummary>>(
      DossierRpc.officerList,
      { pageSize: 1 },
      officer,
    );
    expect(first.items[0].id).toBe(id);
  });

  it('counts every tab and the total under a search, and pages through what it found', async () => {
    const officer = ctx.newOfficer();
    const citizen = ctx.newCitizen({ fullName: 'Khúc Thừa Dụ Tìm Kiếm' });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await ctx.newReceivedDossier(citizen, officer)).id);
    await ctx.act(ids[0], 'refuse', officer, { note: 'Không đủ điều kiện' });
    type Listed = Page<OfficerDossierSummary> & { counts: Record<string, number> };
    const list = (query: Record<string, unknown>) =>
      ctx.rpc<Listed>(DossierRpc.officerList, { q: 'khuc thua du tim', ...query }, officer);

    const inHand = await list({ pageSize: 1 });
    expect(inHand.total).toBe(2);
    expect(inHand.counts).toEqual({ 'in-hand': 2, 'awaiting-citizen': 0, done: 1, all: 3 });
    const second = await list({ pageSize: 1, page: 2 });
    expect([inHand.items[0].id, second.items[0].id].sort()).toEqual([ids[1], ids[2]].sort());
    const done = await list({ tab: 'done' });
    expect(done.items.map((d) => d.id)).toEqual([ids[0]]);
    expect(done.total).toBe(1);
    // A term with a space is no code, a name is no ID number: nothing else is found.
    expect((await list({ q: 'khuc thua du tim kiem khong co' })).total).toBe(0);
  });
});
