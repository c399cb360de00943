import type { AgencyScoreCounts, DossierStatusChangedEvent } from '@dvc/contracts';
import {
  ScoreFact,
  contributionOf,
  emptyFact,
  ratesOf,
  scoreDeltas,
  vietnamMonthOf,
  withRating,
  withStatusChange,
} from './score-fact';

const AGENCY = '000.00.01.H26';

function change(
  action: string,
  status: string,
  at: string,
  extra: Partial<DossierStatusChangedEvent> = {},
): DossierStatusChangedEvent {
  return {
    dossierId: 'd1',
    code: 'X',
    procedureCode: 'P',
    procedureName: 'P',
    agencyCode: AGENCY,
    applicantId: 'a',
    status: status as DossierStatusChangedEvent['status'],
    statusCode: 0,
    at,
    from: 'SUBMITTED',
    action,
    note: null,
    byRole: 'officer',
    dueAt: null,
    deliveryMethod: 'online',
    deliveryTracking: null,
    ...extra,
  };
}

const fold = (events: DossierStatusChangedEvent[]): ScoreFact =>
  events.reduce(withStatusChange, emptyFact('d1', AGENCY));

describe('score facts', () => {
  it('counts a dossier done after its original due date as late, even when an apology moved the date', () => {
    const fact = fold([
      change('receive', 'RECEIVED', '2026-11-02T02:00:00Z', { dueAt: '2026-11-05T10:00:00Z' }),
      // the apology's new date travels on the next events: it is not the calendar's
      change('start', 'PROCESSING', '2026-11-06T02:00:00Z', { dueAt: '2026-11-12T10:00:00Z' }),
      change('complete', 'RESULT_READY', '2026-11-10T02:00:00Z', { dueAt: '2026-11-12T10:00:00Z' }),
    ]);
    expect(fact.dueAt).toEqual(new Date('2026-11-05T10:00:00Z'));
    expect(contributionOf(fact)?.counts.onTime).toBe(0);
  });

  it('takes the due date a supplement pause moved, and the same fact whatever the order of arrival', () => {
    const events = [
      change('receive', 'RECEIVED', '2026-11-02T02:00:00Z', { dueAt: '2026-11-05T10:00:00Z' }),
      change('request-supplement', 'SUPPLEMENT_REQUESTED', '2026-11-03T02:00:00Z'),
      change('supplement', 'PROCESSING', '2026-11-06T02:00:00Z', {
        byRole: 'citizen',
        dueAt: '2026-11-09T10:00:00Z',
      }),
      change('complete', 'RESULT_READY', '2026-11-09T09:00:00Z', { dueAt: '2026-11-09T10:00:00Z' }),
    ];
    const inOrder = fold(events);
    expect(contributionOf(inOrder)?.counts.onTime).toBe(1);
    expect(fold([...events].reverse())).toEqual(inOrder);
  });

  it('counts a fee paid online, a result delivered online and a satisfied rating', () => {
    const fact = withRating(
      fold([
        change('receive', 'RECEIVED', '2026-11-02T02:00:00Z', { dueAt: '2026-11-20T10:00:00Z' }),
        change('request-payment', 'PAYMENT_REQUIRED', '2026-11-03T02:00:00Z'),
        change('payment-succeeded', 'PROCESSING', '2026-11-03T03:00:00Z', {
          byRole: 'system',
          dueAt: '2026-11-20T11:00:00Z',
        }),
        change('complete', 'RESULT_READY', '2026-11-30T17:30:00Z'),
      ]),
      {
        dossierId: 'd1',
        code: 'X',
        agencyCode: AGENCY,
        procedureCode: 'P',
        score: 4,
        criteria: {},
        at: '',
      },
    );
    const contribution = contributionOf(fact)!;
    // 00:30 on 1 December in Vietnam
    expect(contribution.period).toBe('2026-12');
    expect(contribution.counts).toEqual<AgencyScoreCounts>({
      dossiers: 1,
      onTime: 0,
      fullyOnline: 1,
      withFee: 1,
      paidOnline: 1,
      withResult: 1,
      eResult: 1,
      ratings: 1,
      satisfied: 1,
      scoreSum: 4,
    });
  });

  it('moves the counts only by what changed: nothing for an event folded twice', () => {
    const received = fold([
      change('receive', 'RECEIVED', '2026-11-02T02:00:00Z', { dueAt: '2026-11-05T10:00:00Z' }),
    ]);
    expect(scoreDeltas(null, received)).toEqual([]);
    const done = withStatusChange(received, change('refuse', 'REFUSED', '2026-11-04T02:00:00Z'));
    expect(scoreDeltas(received, done)).toEqual([
      expect.objectContaining({
        period: '2026-11',
        counts: expect.objectContaining({ dossiers: 1, onTime: 1 }),
      }),
    ]);
    const again = withStatusChange(done, change('refuse', 'REFUSED', '2026-11-04T02:00:00Z'));
    expect(scoreDeltas(done, again)).toEqual([]);
    const rated = withRating(done, {
      dossierId: 'd1',
      code: 'X',
      agencyCode: AGENCY,
      procedureCode: 'P',
      score: 2,
      criteria: {},
      at: '',
    });
    expect(scoreDeltas(done, rated)).toEqual([
      {
        agencyCode: AGENCY,
        period: '2026-11',
        counts: expect.objectContaining({ dossiers: 0, ratings: 1, satisfied: 0, scoreSum: 2 }),
      },
    ]);
  });

  it('gives rates from counts, null where there was nothing to measure', () => {
    expect(
      ratesOf({
        dossiers: 3,
        onTime: 2,
        fullyOnline: 1,
        withFee: 0,
        paidOnline: 0,
        withResult: 2,
        eResult: 1,
        ratings: 0,
        satisfied: 0,
        scoreSum: 0,
      }),
    ).toEqual({
      onTimeRate: 0.6667,
      onlineShare: 0.3333,
      onlinePaymentShare: null,
      eResultShare: 0.5,
      satisfaction: null,
      dossiers: 3,
    });
    expect(vietnamMonthOf(new Date('2026-10-31T16:59:59Z'))).toBe('2026-10');
    expect(vietnamMonthOf(new Date('2026-10-31T17:00:00Z'))).toBe('2026-11');
  });
});
