import { getQueueToken } from '@nestjs/bull';
import { INestApplication } from '@nestjs/common';
import type { Queue } from 'bull';
import {
  DossierDeadlineWarningEvent,
  DossierRpc,
  EventEnvelope,
  Events,
  OfficerDossierView,
  OfficerQueuePage,
} from '@dvc/contracts';
import { DossierTestContext, startDossierContext } from '../../test/dossier-context';
import { startDossier } from '../app';
import { DeadlineWarnings } from './deadline-warnings';
import { DEADLINE_JOB, DEADLINE_QUEUE } from './deadline-warnings.processor';
import { rebuildStatusTalliesSql } from '../stats/status-tallies';

jest.setTimeout(60_000);

/** Polls until `probe` holds or the deadline passes (no fixed sleeps). */
async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  ms = 15_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('deadline warnings with two instances of the dossier service', () => {
  let ctx: DossierTestContext;
  let second: INestApplication;
  let warnings: EventEnvelope<DossierDeadlineWarningEvent>[];

  beforeAll(async () => {
    ctx = await startDossierContext();
    warnings = await ctx.sut.captureEvents<DossierDeadlineWarningEvent>(
      Events.dossierDeadlineWarning,
    );
    second = await startDossier(ctx.config);
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await ctx?.close();
  }, 60_000);

  /** Both instances run the job at once, a few times over, as competing schedulers would. */
  async function runBothInstances(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await Promise.all([ctx.app, second].map((app) => app.get(DeadlineWarnings).run()));
    }
  }

  /** Moves the dossier's clock, as time passing (or an apology's new date) would. */
  async function setClock(id: string, dueAt: string, warnAt: string): Promise<void> {
    await ctx.sut.db.query(
      `UPDATE "${ctx.sut.schema}".dossiers
         SET due_at = now() + $2::interval, warn_at = now() + $3::interval WHERE id = $1`,
      [id, dueAt, warnAt],
    );
  }

  async function outboxWarnings(id: string): Promise<string[]> {
    const rows: { kind: string }[] = await ctx.sut.db.query(
      `SELECT envelope->'data'->>'kind' AS kind FROM "${ctx.sut.schema}".outbox
        WHERE type = $1 AND envelope->'data'->>'dossierId' = $2 ORDER BY id`,
      [Events.dossierDeadlineWarning, id],
    );
    return rows.map((r) => r.kind);
  }

  it('keeps one schedule for the job however many instances register it', async () => {
    const queue = ctx.app.get<Queue>(getQueueToken(DEADLINE_QUEUE));
    // Each instance registers the schedule at start, without waiting for it.
    const schedules = await eventually(async () => {
      const jobs = (await queue.getRepeatableJobs()).filter((j) => j.name === DEADLINE_JOB);
      return jobs.length > 0 ? jobs : undefined;
    });
    expect(schedules).toHaveLength(1);
  });

  it('warns the agency once when 80 % of the time is used, once when overdue, and again for a new due date', async () => {
    const officer = ctx.newOfficer();
    const received = await ctx.newReceivedDossier(ctx.newCitizen(), officer);
    const [{ due_at, warn_at }] = await ctx.sut.db.query<{ due_at: Date; warn_at: Date }[]>(
      `SELECT due_at, warn_at FROM "${ctx.sut.schema}".dossiers WHERE id = $1`,
      [received.id],
    );
    // Received: the 80 % instant lies between receipt and due date; nothing to say yet.
    expect(warn_at.getTime()).toBeLessThan(due_at.getTime());
    await runBothInstances();
    expect(await outboxWarnings(received.id)).toEqual([]);

    await setClock(received.id, '2 hours', '-1 minute');
    await runBothInstances();
    expect(await outboxWarnings(received.id)).toEqual(['due-soon']);
    const soon = await eventually(() => warnings.find((w) => w.data.dossierId === received.id));
    expect(soon.data).toMatchObject({
      kind: 'due-soon',
      code: received.code,
      agencyCode: received.agency.code,
      status: 'RECEIVED',
    });
    const view = await ctx.rpc<OfficerDossierView>(
      DossierRpc.officerGet,
      { dossierId: received.id },
      officer,
    );
    expect(view.deadline).toBe('due-soon');

    await setClock(received.id, '-1 minute', '-3 hours');
    await runBothInstances();
    expect(await outboxWarnings(received.id)).toEqual(['due-soon', 'overdue']);

    // A later due date (the apology's) is a new date: it may be warned about again.
    await setClock(received.id, '3 days', '-1 minute');
    await runBothInstances();
    expect(await outboxWarnings(received.id)).toEqual(['due-soon', 'overdue', 'due-soon']);
    await eventually(() =>
      warnings.filter((w) => w.data.dossierId === received.id).length === 3 ? true : undefined,
    );
  });

  it("gives an apology's new due date its own 80 % instant, so it is not due soon at once", async () => {
    const officer = ctx.newOfficer();
    const received = await ctx.newReceivedDossier(ctx.newCitizen(), officer);
    await ctx.rpc(DossierRpc.officerAction, { dossierId: received.id, action: 'start' }, officer);
    await setClock(received.id, '-1 hour', '-3 days');
    // A weekday at 09:00 in Hà Nội (02:00 UTC), a fortnight or more ahead; past a holiday if need be.
    let answered: unknown;
    for (let days = 14; days < 30 && answered === undefined; days++) {
      const at = new Date(Date.now() + days * 86_400_000);
      if ([0, 6].includes(at.getUTCDay())) continue;
      at.setUTCHours(2, 0, 0, 0);
      answered = await ctx
        .rpc(
          DossierRpc.officerApologize,
          {
            dossierId: received.id,
            reason: 'Chờ ý kiến cơ quan phối hợp',
            newDueAt: at.toISOString(),
          },
          officer,
        )
        .catch(() => undefined);
    }
    expect(answered).toBeDefined();
    const [{ warn_at }] = await ctx.sut.db.query<{ warn_at: Date }[]>(
      `SELECT warn_at FROM "${ctx.sut.schema}".dossiers WHERE id = $1`,
      [received.id],
    );
    expect(warn_at.getTime()).toBeGreaterThan(Date.now());
  });

  it('warns about a dossier received before the 80 % instant was kept only once it is overdue', async () => {
    const received = await ctx.newReceivedDossier(ctx.newCitizen(), ctx.newOfficer());
    await ctx.sut.db.query(
      `UPDATE "${ctx.sut.schema}".dossiers SET warn_at = NULL, due_at = now() + interval '1 hour'
        WHERE id = $1`,
      [received.id],
    );
    await runBothInstances();
    expect(await outboxWarnings(received.id)).toEqual([]);
    await ctx.sut.db.query(
      `UPDATE "${ctx.sut.schema}".dossiers SET due_at = now() - interval '1 minute' WHERE id = $1`,
      [received.id],
    );
    await runBothInstances();
    expect(await outboxWarnings(received.id)).toEqual(['overdue']);
  });

  it('puts overdue, then due-soon dossiers first in the work in hand, with counts per tab', async () => {
    const officer = ctx.newOfficer(['000.00.DW.H99']);
    // Dossiers of an agency of its own, so the counts are this test's alone.
    const agencyDossier = async () => {
      const d = await ctx.newReceivedDossier(ctx.newCitizen(), ctx.newOfficer());
      await ctx.sut.db.query(
        `UPDATE "${ctx.sut.schema}".dossiers SET agency_code = '000.00.DW.H99' WHERE id = $1`,
        [d.id],
      );
      return d;
    };
    const calm = await agencyDossier();
    const soon = await agencyDossier();
    const late = await agencyDossier();
    const waiting = await agencyDossier();
    await setClock(calm.id, '1 hour', '30 minutes');
    await setClock(soon.id, '5 days', '-1 minute');
    await setClock(late.id, '-1 hour', '-2 hours');
    await ctx.sut.db.query(
      `UPDATE "${ctx.sut.schema}".dossiers SET status = 5, due_at = NULL, warn_at = NULL WHERE id = $1`,
      [waiting.id],
    );
    // Agency and status were set in the table, not by status changes: the tallies follow, as
    // the migration's backfill would make them.
    for (const statement of rebuildStatusTalliesSql(`"${ctx.sut.schema}"`))
      await ctx.sut.db.query(statement);

    const page = await ctx.rpc<OfficerQueuePage>(DossierRpc.officerList, {}, officer);
    expect(page.tab).toBe('in-hand');
    expect(page.items.map((d) => [d.id, d.deadline])).toEqual([
      [late.id, 'overdue'],
      [soon.id, 'due-soon'],
      [calm.id, null],
    ]);
    expect(page.counts).toEqual({ 'in-hand': 3, 'awaiting-citizen': 1, done: 0, all: 4 });

    const awaiting = await ctx.rpc<OfficerQueuePage>(
      DossierRpc.officerList,
      { tab: 'awaiting-citizen' },
      officer,
    );
    expect(awaiting.items.map((d) => d.id)).toEqual([waiting.id]);
  });
});
