import { DossierStatus, DossierStatusName } from '@dvc/contracts';
import {
  DossierAction,
  IllegalTransitionError,
  TRANSITIONS,
  TransitionActor,
  TransitionFacts,
  allowedActions,
  resolveTransition,
} from './status-machine';

const ALL_STATUSES = Object.keys(DossierStatus) as DossierStatusName[];
const plain: TransitionFacts = { feeDueAtSubmission: false, pausedFrom: null };

/** [action, by, from, facts, to] — the lifecycle of docs/design.md §4 written out by hand. */
const EXPECTED: [
  DossierAction,
  TransitionActor,
  DossierStatusName,
  Partial<TransitionFacts>,
  DossierStatusName,
][] = [
  ['submit', 'citizen', 'DRAFT', {}, 'SUBMITTED'],
  ['submit', 'citizen', 'DRAFT', { feeDueAtSubmission: true }, 'PAYMENT_REQUIRED'],
  ['payment-succeeded', 'system', 'PAYMENT_REQUIRED', { pausedFrom: 'DRAFT' }, 'SUBMITTED'],
  ['receive', 'officer', 'SUBMITTED', {}, 'RECEIVED'],
  ['start', 'officer', 'RECEIVED', {}, 'PROCESSING'],
  ['request-supplement', 'officer', 'RECEIVED', {}, 'SUPPLEMENT_REQUESTED'],
  ['request-supplement', 'officer', 'PROCESSING', {}, 'SUPPLEMENT_REQUESTED'],
  ['supplement', 'citizen', 'SUPPLEMENT_REQUESTED', { pausedFrom: 'PROCESSING' }, 'PROCESSING'],
  ['supplement', 'citizen', 'SUPPLEMENT_REQUESTED', { pausedFrom: 'RECEIVED' }, 'RECEIVED'],
  ['request-payment', 'officer', 'RECEIVED', {}, 'PAYMENT_REQUIRED'],
  ['request-payment', 'officer', 'PROCESSING', {}, 'PAYMENT_REQUIRED'],
  ['payment-succeeded', 'system', 'PAYMENT_REQUIRED', { pausedFrom: 'RECEIVED' }, 'PROCESSING'],
  ['payment-succeeded', 'system', 'PAYMENT_REQUIRED', { pausedFrom: 'PROCESSING' }, 'PROCESSING'],
  ['refuse', 'officer', 'SUBMITTED', {}, 'REFUSED'],
  ['refuse', 'officer', 'RECEIVED', {}, 'REFUSED'],
  ['refuse', 'officer', 'PROCESSING', {}, 'REFUSED'],
  ['complete', 'officer', 'PROCESSING', {}, 'RESULT_READY'],
  ['return', 'officer', 'RESULT_READY', {}, 'RETURNED'],
  ['withdraw', 'citizen', 'SUBMITTED', {}, 'WITHDRAWAL_REQUESTED'],
  ['withdraw', 'citizen', 'RECEIVED', {}, 'WITHDRAWAL_REQUESTED'],
  ['withdraw', 'citizen', 'PROCESSING', {}, 'WITHDRAWAL_REQUESTED'],
  ['withdraw', 'citizen', 'SUPPLEMENT_REQUESTED', {}, 'WITHDRAWAL_REQUESTED'],
  ['withdraw', 'citizen', 'PAYMENT_REQUIRED', {}, 'WITHDRAWAL_REQUESTED'],
  ['stop', 'officer', 'WITHDRAWAL_REQUESTED', {}, 'STOPPED'],
  ['stop', 'officer', 'RECEIVED', {}, 'STOPPED'],
  ['stop', 'officer', 'PROCESSING', {}, 'STOPPED'],
];

describe('dossier status machine (the transition table as data)', () => {
  it.each(EXPECTED)('%s by %s: %s %j → %s', (action, by, from, facts, to) => {
    expect(resolveTransition(action, from, by, { ...plain, ...facts }).to).toBe(to);
  });

  it('allows nothing else: any (action, actor, status) not listed above is illegal, whatever the facts', () => {
    const actions = [...new Set(TRANSITIONS.map((t) => t.action))];
    const actors: TransitionActor[] = ['citizen', 'officer', 'system'];
    const factSets: TransitionFacts[] = [
      plain,
      { feeDueAtSubmission: true, pausedFrom: null },
      ...ALL_STATUSES.map((pausedFrom) => ({ feeDueAtSubmission: false, pausedFrom })),
    ];
    let checked = 0;
    for (const action of actions)
      for (const by of actors)
        for (const from of ALL_STATUSES) {
          if (EXPECTED.some(([a, b, f]) => a === action && b === by && f === from)) continue;
          for (const facts of factSets) {
            expect(() => resolveTransition(action, from, by, facts)).toThrow(
              IllegalTransitionError,
            );
            checked++;
          }
        }
    expect(checked).toBeGreaterThan(1000);
  });

  it('returns a paused dossier only where it came from', () => {
    expect(() => resolveTransition('supplement', 'SUPPLEMENT_REQUESTED', 'citizen', plain)).toThrow(
      IllegalTransitionError,
    );
    expect(() =>
      resolveTransition('payment-succeeded', 'PAYMENT_REQUIRED', 'system', plain),
    ).toThrow(IllegalTransitionError);
  });

  it('never lets a citizen do an officer action or the reverse', () => {
    expect(() => resolveTransition('receive', 'SUBMITTED', 'citizen', plain)).toThrow(
      IllegalTransitionError,
    );
    expect(() => resolveTransition('withdraw', 'SUBMITTED', 'officer', plain)).toThrow(
      IllegalTransitionError,
    );
    expect(() =>
      resolveTransition('payment-succeeded', 'PAYMENT_REQUIRED', 'citizen', {
        ...plain,
        pausedFrom: 'DRAFT',
      }),
    ).toThrow(IllegalTransitionError);
  });

  it('answers an illegal transition as 409 dossier.illegal_transition with the current status', () => {
    let problem: unknown;
    try {
      resolveTransition('complete', 'RECEIVED', 'officer', plain);
    } catch (err) {
      problem = (err as IllegalTransitionError).toProblem();
    }
    expect(problem).toMatchObject({
      status: 409,
      code: 'dossier.illegal_transition',
      currentStatus: 'RECEIVED',
      currentStatusCode: 2,
    });
  });

  it('has no two rows that could both apply', () => {
    for (const a of TRANSITIONS)
      for (const b of TRANSITIONS) {
        if (a === b || a.action !== b.action || a.by !== b.by) continue;
        const shared = a.from.filter((s) => b.from.includes(s));
        if (shared.length === 0) continue;
        // both conditional, on exclusive facts
        expect(a.when).toBeDefined();
        expect(b.when).toBeDefined();
        expect(a.when).not.toBe(b.when);
      }
  });

  it('lists as allowed exactly the actions that resolve from each status', () => {
    for (const status of ALL_STATUSES)
      for (const by of ['citizen', 'officer', 'system'] as const)
        for (const facts of [
          plain,
          { feeDueAtSubmission: true, pausedFrom: null },
          { feeDueAtSubmission: false, pausedFrom: 'RECEIVED' as const },
          { feeDueAtSubmission: false, pausedFrom: 'PROCESSING' as const },
        ]) {
          const resolvable = [...new Set(TRANSITIONS.map((t) => t.action))].filter((action) => {
            try {
              resolveTransition(action, status, by, facts);
              return true;
            } catch {
              return false;
            }
          });
          expect({
            status,
            by,
            facts,
            actions: [...allowedActions(status, by, facts)].sort(),
          }).toEqual({ status, by, facts, actions: resolvable.sort() });
        }
  });

  it('offers an officer nothing on a finished dossier, and the table order otherwise', () => {
    for (const status of ['REFUSED', 'STOPPED', 'RETURNED'] as const) {
      expect(allowedActions(status, 'officer', plain)).toEqual([]);
    }
    expect(allowedActions('RESULT_READY', 'officer', plain)).toEqual(['return']);
    expect(allowedActions('SUBMITTED', 'officer', plain)).toEqual(['receive', 'refuse']);
  });
});
