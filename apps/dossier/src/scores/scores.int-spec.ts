import { randomUUID } from 'node:crypto';
import {
  DossierRatedEvent,
  DossierRpc,
  DossierStatusChangedEvent,
  Events,
  OfficerScoresView,
  RatingView,
  ScoresView,
} from '@dvc/contracts';
import { problemOf, waitFor } from '@dvc/testing';
import {
  AGENCY,
  AGENCY_BULK,
  DossierTestContext,
  eventOf,
  startDossierContext,
} from '../../test/dossier-context';
import { SCORES_QUEUE } from './scores-events.consumer';

jest.setTimeout(90_000);

type Change = Pick<DossierStatusChangedEvent, 'action' | 'status' | 'at'> &
  Partial<DossierStatusChangedEvent>;

/** The status changes of one dossier of AGENCY_BULK, as the dossier service's outbox sends them. */
function dossierEvents(changes: Change[], rating?: number) {
  const dossierId = randomUUID();
  const base = {
    dossierId,
    code: `T00.00.02.H99-261001-${dossierId.slice(0, 4)}`,
    procedureCode: '1.000001',
    procedureName: 'Đăng ký khai sinh',
    agencyCode: AGENCY_BULK,
    applicantId: randomUUID(),
    statusCode: 0,
    from: 'SUBMITTED' as const,
    note: null,
    byRole: 'officer' as const,
    dueAt: null,
    deliveryMethod: 'online' as const,
    deliveryTracking: null,
  };
  const events = changes.map((c) =>
    eventOf<DossierStatusChangedEvent>(Events.dossierStatusChanged, { ...base, ...c }),
  );
  if (rating !== undefined) {
    events.push(
      eventOf<DossierRatedEvent>(Events.dossierRated, {
        dossierId,
        code: base.code,
        agencyCode: AGENCY_BULK,
        procedureCode: base.procedureCode,
        score: rating,
        criteria: {},
        at: '2026-10-28T03:00:00.000Z',
      }) as never,
    );
  }
  return events;
}

describe('public scores (đánh giá chất lượng phục vụ)', () => {
  let ctx: DossierTestContext;

  beforeAll(async () => {
    ctx = await startDossierContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  const scores = (query: Record<string, unknown>) =>
    ctx.rpc<ScoresView>(DossierRpc.publicScores, query, null);
  const bulkOf = async (period: string) => (await scores({ period, agency: AGENCY_BULK })).items[0];
  const processed = async (ids: string[]) => {
    const [{ n }] = await ctx.sut.db.query(
      `SELECT count(*)::int AS n FROM "${ctx.sut.schema}".inbox
        WHERE consumer = $1 AND message_id = ANY($2::uuid[])`,
      [SCORES_QUEUE, ids],
    );
    return n as number;
  };

  it('scores a month of known dossiers exactly, and a redelivered event counts once', async () => {
    const onTimeOnlineRated5 = dossierEvents(
      [
        {
          action: 'receive',
          status: 'RECEIVED',
          at: '2026-10-01T02:00:00Z',
          dueAt: '2026-10-05T10:00:00Z',
        },
        { action: 'complete', status: 'RESULT_READY', at: '2026-10-04T02:00:00Z' },
      ],
      5,
    );
    // late by its original due date although an apology moved it, result sent by post
    const lateByPost = dossierEvents([
      {
        action: 'receive',
        status: 'RECEIVED',
        at: '2026-10-01T02:00:00Z',
        dueAt: '2026-10-05T10:00:00Z',
        deliveryMethod: 'post',
      },
      {
        action: 'start',
        status: 'PROCESSING',
        at: '2026-10-06T02:00:00Z',
        dueAt: '2026-10-20T10:00:00Z',
        deliveryMethod: 'post',
      },
      {
        action: 'complete',
        status: 'RESULT_READY',
        at: '2026-10-10T02:00:00Z',
        dueAt: '2026-10-20T10:00:00Z',
        deliveryMethod: 'post',
      },
    ]);
    const paidOnlineRated2 = dossierEvents(
      [
        {
          action: 'receive',
          status: 'RECEIVED',
          at: '2026-10-01T02:00:00Z',
          dueAt: '2026-10-20T10:00:00Z',
        },
        { action: 'request-payment', status: 'PAYMENT_REQUIRED', at: '2026-10-02T02:00:00Z' },
        {
          action: 'payment-succeeded',
          status: 'PROCESSING',
          at: '2026-10-02T05:00:00Z',
          byRole: 'system',
          dueAt: '2026-10-21T10:00:00Z',
        },
        { action: 'complete', status: 'RESULT_READY', at: '2026-10-15T02:00:00Z' },
      ],
      2,
    );
    const feeUnpaidStopped = dossierEvents([
      {
        action: 'receive',
        status: 'RECEIVED',
        at: '2026-10-01T02:00:00Z',
        dueAt: '2026-10-20T10:00:00Z',
      },
      { action: 'request-payment', status: 'PAYMENT_REQUIRED', at: '2026-10-02T02:00:00Z' },
      { action: 'stop', status: 'STOPPED', at: '2026-10-12T02:00:00Z' },
    ]);
    const refusedAtDesk = dossierEvents([
      { action: 'refuse', status: 'REFUSED', at: '2026-10-03T02:00:00Z', deliveryMethod: 'desk' },
    ]);
    const settledInNovember = dossierEvents([
      {
        action: 'receive',
        status: 'RECEIVED',
        at: '2026-10-30T02:00:00Z',
        dueAt: '2026-11-05T10:00:00Z',
      },
      { action: 'complete', status: 'RESULT_READY', at: '2026-11-02T02:00:00Z' },
    ]);
    const all = [
      ...onTimeOnlineRated5,
      ...lateByPost,
      ...paidOnlineRated2,
      ...feeUnpaidStopped,
      ...refusedAtDesk,
      ...settledInNovember,
    ];
    // the completion before the receipt: the order of arrival does not matter
    for (const e of [...all].reverse()) ctx.publishEvent(e);
    await waitFor(async () => (await processed(all.map((e) => e.id))) === all.length, {
      what: 'every event in the read model',
    });

    const october = {
      agency: { code: AGENCY_BULK, name: `Cơ quan ${AGENCY_BULK}` },
      dossiers: 5,
      onTimeRate: 0.8,
      onlineShare: 0.4,
      onlinePaymentShare: 0.5,
      eResultShare: 0.6667,
      satisfaction: 0.5,
    };
    expect(await bulkOf('2026-10')).toEqual(october);

    // redelivered: the completion and the rating of one, the payment of another
    const again = [onTimeOnlineRated5[1], onTimeOnlineRated5[2], paidOnlineRated2[2]];
    for (const e of again) ctx.publishEvent(e);
    const later = dossierEvents([
      { action: 'refuse', status: 'REFUSED', at: '2026-11-03T02:00:00Z' },
    ]);
    for (const e of later) ctx.publishEvent(e);
    await waitFor(async () => (await bulkOf('2026-11')).dossiers === 2, {
      what: 'the events after the redeliveries',
    });
    expect(await processed(again.map((e) => e.id))).toBe(again.length);
    expect(await bulkOf('2026-10')).toEqual(october);
    expect(await bulkOf('2026-11')).toMatchObject({ dossiers: 2, onTimeRate: 1, eResultShare: 1 });
  });

  it('lists every agency of the catalogue, none measured where nothing was settled', async () => {
    const { period, items } = await scores({ period: '2020-01' });
    expect(period).toBe('2020-01');
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({
      agency: { code: expect.any(String), name: expect.stringMatching(/^Cơ quan /) },
      dossiers: 0,
      onTimeRate: null,
      onlineShare: null,
      onlinePaymentShare: null,
      eResultShare: null,
      satisfaction: null,
    });
    expect(await problemOf(scores({ period: '2026-13' }))).toMatchObject({ status: 400 });
  });

  it('follows a real dossier from its events: settled on time, rated, in this month', async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer([AGENCY]);
    const { submitted } = await ctx.newReturnedDossier(citizen, officer);
    await ctx.rpc<RatingView>(DossierRpc.rate, { dossierId: submitted.id, score: 5 }, citizen);
    const mine = await waitFor(
      async () => {
        const view = await ctx.rpc<OfficerScoresView>(DossierRpc.officerScores, {}, officer);
        const item = view.items.find((i) => i.agency.code === AGENCY);
        return item?.counts.ratings === 1 && view;
      },
      { what: 'the dossier in its agency’s scores' },
    );
    // an officer sees only their own agencies
    expect(mine.items.map((i) => i.agency.code)).toEqual([AGENCY]);
    expect(mine.items[0]).toMatchObject({
      dossiers: 1,
      onTimeRate: 1,
      satisfaction: 1,
      counts: { dossiers: 1, onTime: 1, withResult: 1, ratings: 1, satisfied: 1, scoreSum: 5 },
    });
  });
});
