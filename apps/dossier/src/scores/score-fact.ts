import type {
  AgencyScoreCounts,
  DeliveryMethod,
  DossierRatedEvent,
  DossierStatusChangedEvent,
} from '@dvc/contracts';

/** What the events told of one dossier, for the scores. */
export interface ScoreFact {
  dossierId: string;
  agencyCode: string;
  /**
   * The due date the working calendar set (at receipt, or when a pause ends), never one an
   * apology moved: on time means by this date.
   */
  dueAt: Date | null;
  dueSetAt: Date | null;
  /** First entry into a settled status (result ready, refused, stopped). */
  settledAt: Date | null;
  resultAt: Date | null;
  deliveryMethod: DeliveryMethod | null;
  deliveryAt: Date | null;
  feeRequested: boolean;
  paidOnline: boolean;
  ratingScore: number | null;
}

/** The actions whose `dueAt` the working calendar computed (receipt, end of a pause). */
const CALENDAR_ACTIONS = new Set(['receive', 'supplement', 'payment-succeeded']);
const SETTLED = new Set(['RESULT_READY', 'REFUSED', 'STOPPED']);

export const emptyFact = (dossierId: string, agencyCode: string): ScoreFact => ({
  dossierId,
  agencyCode,
  dueAt: null,
  dueSetAt: null,
  settledAt: null,
  resultAt: null,
  deliveryMethod: null,
  deliveryAt: null,
  feeRequested: false,
  paidOnline: false,
  ratingScore: null,
});

const earlier = (a: Date | null, b: Date): boolean => a === null || b < a;
const notEarlier = (a: Date | null, b: Date): boolean => a === null || b >= a;

/**
 * Folds a status change into the fact. Every field merges by the event's own time, so events
 * arriving out of order give the same fact, and the same event twice changes nothing.
 */
export function withStatusChange(fact: ScoreFact, e: DossierStatusChangedEvent): ScoreFact {
  const at = new Date(e.at);
  const next = { ...fact, agencyCode: e.agencyCode };
  if (CALENDAR_ACTIONS.has(e.action) && e.dueAt && notEarlier(fact.dueSetAt, at)) {
    next.dueAt = new Date(e.dueAt);
    next.dueSetAt = at;
  }
  if (SETTLED.has(e.status) && earlier(fact.settledAt, at)) next.settledAt = at;
  if (e.status === 'RESULT_READY' && earlier(fact.resultAt, at)) next.resultAt = at;
  if (notEarlier(fact.deliveryAt, at)) {
    next.deliveryMethod = e.deliveryMethod;
    next.deliveryAt = at;
  }
  if (e.status === 'PAYMENT_REQUIRED') next.feeRequested = true;
  if (e.action === 'payment-succeeded') {
    next.feeRequested = true;
    next.paidOnline = true;
  }
  return next;
}

export function withRating(fact: ScoreFact, e: DossierRatedEvent): ScoreFact {
  return { ...fact, agencyCode: e.agencyCode, ratingScore: e.score };
}

/** What a fact adds to its agency's month: nothing until the dossier is settled. */
export interface ScoreContribution {
  agencyCode: string;
  period: string;
  counts: AgencyScoreCounts;
}

export function contributionOf(fact: ScoreFact): ScoreContribution | null {
  if (!fact.settledAt) return null;
  const online = fact.deliveryMethod === 'online';
  const rated = fact.ratingScore !== null;
  return {
    agencyCode: fact.agencyCode,
    period: vietnamMonthOf(fact.settledAt),
    counts: {
      dossiers: 1,
      onTime: fact.dueAt === null || fact.settledAt <= fact.dueAt ? 1 : 0,
      fullyOnline: online && (!fact.feeRequested || fact.paidOnline) ? 1 : 0,
      withFee: fact.feeRequested ? 1 : 0,
      paidOnline: fact.paidOnline ? 1 : 0,
      withResult: fact.resultAt ? 1 : 0,
      eResult: fact.resultAt && online ? 1 : 0,
      ratings: rated ? 1 : 0,
      satisfied: (fact.ratingScore ?? 0) >= 4 ? 1 : 0,
      scoreSum: fact.ratingScore ?? 0,
    },
  };
}

/**
 * The changes to the agencies' months when a fact goes from `before` to `after`: the old
 * contribution taken away, the new one added (nothing when they are the same).
 */
export function scoreDeltas(before: ScoreFact | null, after: ScoreFact): ScoreContribution[] {
  const old = before ? contributionOf(before) : null;
  const now = contributionOf(after);
  const deltas: ScoreContribution[] = [];
  if (old) deltas.push({ ...old, counts: scaled(old.counts, -1) });
  if (now) deltas.push(now);
  return merged(deltas).filter((d) => Object.values(d.counts).some((n) => n !== 0));
}

function scaled(counts: AgencyScoreCounts, by: number): AgencyScoreCounts {
  return Object.fromEntries(
    Object.entries(counts).map(([k, v]) => [k, v * by]),
  ) as unknown as AgencyScoreCounts;
}

function merged(deltas: ScoreContribution[]): ScoreContribution[] {
  const byKey = new Map<string, ScoreContribution>();
  for (const d of deltas) {
    const key = `${d.agencyCode} ${d.period}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...d, counts: { ...d.counts } });
      continue;
    }
    for (const k of Object.keys(d.counts) as (keyof AgencyScoreCounts)[]) {
      seen.counts[k] += d.counts[k];
    }
  }
  return [...byKey.values()];
}

/** `YYYY-MM` of the instant in Vietnam (UTC+7, no daylight saving). */
export function vietnamMonthOf(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

/** The scores of an agency's month, from its counts (rates 0..1, 4 decimals, null when none). */
export function ratesOf(c: AgencyScoreCounts) {
  const rate = (n: number, of: number) => (of > 0 ? Number((n / of).toFixed(4)) : null);
  return {
    onTimeRate: rate(c.onTime, c.dossiers),
    onlineShare: rate(c.fullyOnline, c.dossiers),
    onlinePaymentShare: rate(c.paidOnline, c.withFee),
    eResultShare: rate(c.eResult, c.withResult),
    satisfaction: rate(c.satisfied, c.ratings),
    dossiers: c.dossiers,
  };
}
