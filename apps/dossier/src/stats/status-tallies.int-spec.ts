import { AgencyStatsView, DossierRpc, OfficerQueuePage } from '@dvc/contracts';
import { AGENCY, DossierTestContext, startDossierContext } from '../../test/dossier-context';
import { rebuildStatusTalliesSql } from './status-tallies';

jest.setTimeout(120_000);

/**
 * The statistics as they were computed before the tallies (each dossier's first settling
 * time from its history), straight from the dossiers: what the tallies must still answer.
 */
const STATS_FROM_HISTORY = (s: string) => `
  WITH d AS (
    SELECT d.procedure_code, d.procedure->>'name' AS procedure_name, d.received_at,
           COALESCE(d.original_due_at, d.due_at) AS due_at,
           (SELECT min(h.at) FROM "${s}".status_history h
             WHERE h.dossier_id = d.id AND h.to_status = ANY(ARRAY[3, 8, 9]::smallint[])) AS settled_at
      FROM "${s}".dossiers d
     WHERE d.agency_code = ANY($1::text[]) AND d.received_at >= $2 AND d.received_at < $3)
  SELECT to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS "month",
         procedure_code AS "procedureCode", max(procedure_name) AS "procedureName",
         count(*)::int AS received,
         count(*) FILTER (WHERE settled_at IS NOT NULL)::int AS finished,
         count(*) FILTER (WHERE settled_at IS NOT NULL
           AND (due_at IS NULL OR settled_at <= due_at))::int AS "onTime",
         count(*) FILTER (WHERE due_at IS NOT NULL AND COALESCE(settled_at, now()) > due_at)::int
           AS overdue,
         count(*) FILTER (WHERE settled_at IS NULL)::int AS "inProgress"
    FROM d GROUP BY 1, 2 ORDER BY 1, 2`;

describe('status tallies (tab counts and agency statistics kept by the status changes)', () => {
  let ctx: DossierTestContext;

  beforeAll(async () => {
    ctx = await startDossierContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  const tallied = async () =>
    (
      await ctx.sut.db.query(
        `SELECT agency_code, status, n::int AS n FROM "${ctx.sut.schema}".dossier_status_counts
          WHERE n <> 0 ORDER BY 1, 2`,
      )
    ).map((r: { agency_code: string; status: number; n: number }) => ({ ...r }));
  const counted = async () =>
    ctx.sut.db.query(
      `SELECT agency_code, status, count(*)::int AS n FROM "${ctx.sut.schema}".dossiers
        WHERE status <> 0 GROUP BY 1, 2 ORDER BY 1, 2`,
    );
  const moveDueIntoPast = (id: string) =>
    ctx.sut.db.query(
      `UPDATE "${ctx.sut.schema}".dossiers SET due_at = now() - interval '2 days' WHERE id = $1`,
      [id],
    );

  it('keeps the counts per agency and status exact under concurrent status changes', async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer();
    const submitted = [];
    for (let i = 0; i < 12; i++) submitted.push((await ctx.newSubmittedDossier(citizen)).id);

    // Every change of the same agency at once: the same counter rows, from many transactions.
    await Promise.all(submitted.map((id) => ctx.act(id, 'receive', officer)));
    await Promise.all(
      submitted.map((id, i) =>
        i % 3 === 0
          ? ctx.act(id, 'refuse', officer, { note: 'Hồ sơ không đủ điều kiện' })
          : ctx.act(id, 'start', officer),
      ),
    );
    expect(await tallied()).toEqual(await counted());

    const list = (query: Record<string, unknown>) =>
      ctx.rpc<OfficerQueuePage>(DossierRpc.officerList, query, officer);
    const fromTallies = (await list({})).counts;
    // overdue=false counts every dossier (none is overdue) from the dossiers themselves.
    const fromDossiers = (await list({ overdue: false })).counts;
    expect(fromTallies).toEqual(fromDossiers);
    expect(fromTallies['in-hand']).toBeGreaterThanOrEqual(8);
    expect(fromTallies.done).toBeGreaterThanOrEqual(4);
  });

  it('answers the agency statistics as the history does, and the backfill agrees', async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer([AGENCY]);
    // Overdue and still in hand; settled late; settled on time; returned; not received.
    const late = await ctx.newReceivedDossier(citizen, officer);
    await moveDueIntoPast(late.id);
    const settledLate = await ctx.newReceivedDossier(citizen, officer);
    await moveDueIntoPast(settledLate.id);
    await ctx.act(settledLate.id, 'refuse', officer, { note: 'Quá hạn, không đủ điều kiện' });
    const onTime = await ctx.newReceivedDossier(citizen, officer);
    await ctx.act(onTime.id, 'refuse', officer, { note: 'Không đủ điều kiện' });
    await ctx.newReturnedDossier(citizen, officer);
    await ctx.newSubmittedDossier(citizen);

    const stats = await ctx.rpc<AgencyStatsView>(DossierRpc.officerStats, {}, officer);
    const reference = await ctx.sut.db.query(STATS_FROM_HISTORY(ctx.sut.schema), [
      [AGENCY],
      stats.from,
      stats.to,
    ]);
    expect(stats.rows).toEqual(reference);
    expect(stats.totals.overdue).toBeGreaterThanOrEqual(2);
    expect(stats.totals.onTime).toBeGreaterThanOrEqual(2);
    expect(stats.totals.inProgress).toBeGreaterThanOrEqual(1);

    // A range of days, not whole months, is answered exactly too.
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const ranged = await ctx.rpc<AgencyStatsView>(
      DossierRpc.officerStats,
      { from: today, to: '2099-01-01' },
      officer,
    );
    expect(ranged.rows).toEqual(
      await ctx.sut.db.query(STATS_FROM_HISTORY(ctx.sut.schema), [
        [AGENCY],
        ranged.from,
        ranged.to,
      ]),
    );

    // The migration's backfill (and the bulk load's rebuild) gives what the changes kept.
    const days = `SELECT * FROM "${ctx.sut.schema}".agency_stats_days ORDER BY 1, 2, 3`;
    const kept = { days: await ctx.sut.db.query(days), counts: await tallied() };
    for (const statement of rebuildStatusTalliesSql(`"${ctx.sut.schema}"`))
      await ctx.sut.db.query(statement);
    expect({ days: await ctx.sut.db.query(days), counts: await tallied() }).toEqual(kept);
  });
});
