import {
  DossierStatus,
  DossierStatusCode,
  DossierStatusName,
  DossierErrors,
  DomainError,
  OFFICER_QUEUE_TABS,
  OfficerQueueTab,
} from '@dvc/contracts';

/**
 * The dossier lifecycle of docs/design.md §4 as one table. Every action on a dossier, whoever
 * triggers it, is resolved here; nothing else decides which status follows which.
 */
export type DossierAction =
  | 'submit'
  | 'receive'
  | 'start'
  | 'request-supplement'
  | 'supplement'
  | 'request-payment'
  | 'payment-succeeded'
  | 'refuse'
  | 'complete'
  | 'return'
  | 'withdraw'
  | 'stop';

/** Who may trigger a transition: the applicant, an officer of the agency, or another service. */
export type TransitionActor = 'citizen' | 'officer' | 'system';

/** Facts besides the current status that choose between two rows of the same action. */
export interface TransitionFacts {
  /** The fee is paid online when submitting (level 4, feeAtSubmission, a fee above 0). */
  feeDueAtSubmission: boolean;
  /** Status a paused dossier (5 or 6) came from; where the supplement or payment leads back. */
  pausedFrom: DossierStatusName | null;
}

export type TransitionCondition =
  | 'fee-due-at-submission'
  | 'no-fee-due-at-submission'
  | 'paused-from-received'
  | 'paused-from-processing'
  | 'paused-at-submission'
  | 'paused-after-receipt';

export interface Transition {
  action: DossierAction;
  from: readonly DossierStatusName[];
  to: DossierStatusName;
  by: TransitionActor;
  /** The row applies only when this holds; another row of the same action covers the rest. */
  when?: TransitionCondition;
}

export const TRANSITION_CONDITIONS: Record<TransitionCondition, (f: TransitionFacts) => boolean> = {
  'fee-due-at-submission': (f) => f.feeDueAtSubmission,
  'no-fee-due-at-submission': (f) => !f.feeDueAtSubmission,
  'paused-from-received': (f) => f.pausedFrom === 'RECEIVED',
  'paused-from-processing': (f) => f.pausedFrom === 'PROCESSING',
  'paused-at-submission': (f) => f.pausedFrom === 'DRAFT',
  'paused-after-receipt': (f) => f.pausedFrom === 'RECEIVED' || f.pausedFrom === 'PROCESSING',
};

// A table reads best one row per line.
// prettier-ignore
export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit',             from: ['DRAFT'],                               to: 'SUBMITTED',            by: 'citizen', when: 'no-fee-due-at-submission' },
  { action: 'submit',             from: ['DRAFT'],                               to: 'PAYMENT_REQUIRED',     by: 'citizen', when: 'fee-due-at-submission' },
  { action: 'receive',            from: ['SUBMITTED'],                           to: 'RECEIVED',             by: 'officer' },
  { action: 'start',              from: ['RECEIVED'],                            to: 'PROCESSING',           by: 'officer' },
  { action: 'request-supplement', from: ['RECEIVED', 'PROCESSING'],              to: 'SUPPLEMENT_REQUESTED', by: 'officer' },
  { action: 'supplement',         from: ['SUPPLEMENT_REQUESTED'],                to: 'PROCESSING',           by: 'citizen', when: 'paused-from-processing' },
  { action: 'supplement',         from: ['SUPPLEMENT_REQUESTED'],                to: 'RECEIVED',             by: 'citizen', when: 'paused-from-received' },
  { action: 'request-payment',    from: ['RECEIVED', 'PROCESSING'],              to: 'PAYMENT_REQUIRED',     by: 'officer' },
  { action: 'payment-succeeded',  from: ['PAYMENT_REQUIRED'],                    to: 'SUBMITTED',            by: 'system',  when: 'paused-at-submission' },
  { action: 'payment-succeeded',  from: ['PAYMENT_REQUIRED'],                    to: 'PROCESSING',           by: 'system',  when: 'paused-after-receipt' },
  { action: 'refuse',             from: ['SUBMITTED', 'RECEIVED', 'PROCESSING'], to: 'REFUSED',              by: 'officer' },
  { action: 'complete',           from: ['PROCESSING'],                          to: 'RESULT_READY',         by: 'officer' },
  { action: 'return',             from: ['RESULT_READY'],                        to: 'RETURNED',             by: 'officer' },
  { action: 'withdraw',           from: ['SUBMITTED', 'RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'PAYMENT_REQUIRED'],
                                                                                 to: 'WITHDRAWAL_REQUESTED', by: 'citizen' },
  { action: 'stop',               from: ['WITHDRAWAL_REQUESTED', 'RECEIVED', 'PROCESSING'],
                                                                                 to: 'STOPPED',              by: 'officer' },
];

/** The deadline clock stands still in these statuses (docs/design.md §4). */
export const PAUSED_STATUSES: readonly DossierStatusName[] = [
  'SUPPLEMENT_REQUESTED',
  'PAYMENT_REQUIRED',
];

/** Nothing is pending from the agency any more: never overdue. */
export const FINISHED_STATUSES: readonly DossierStatusName[] = [
  'REFUSED',
  'STOPPED',
  'RESULT_READY',
  'RETURNED',
];

/** Statuses where the clock runs towards dueAt (a paused one resumes into these). */
export const CLOCKED_STATUSES: readonly DossierStatusName[] = ['RECEIVED', 'PROCESSING'];

/**
 * The officer queue's tabs (docs/design.md §14). In hand: what the agency owes a step on — a
 * supplement answered or a fee paid brings a dossier back to SUBMITTED, RECEIVED or PROCESSING,
 * and a withdrawal request waits for the officer. RESULT_READY is done: only the hand-over is left.
 */
export const QUEUE_TABS: Record<OfficerQueueTab, readonly DossierStatusName[] | null> = {
  'in-hand': ['SUBMITTED', 'RECEIVED', 'PROCESSING', 'WITHDRAWAL_REQUESTED'],
  'awaiting-citizen': PAUSED_STATUSES,
  done: FINISHED_STATUSES,
  all: null,
};

export function queueTabHolds(tab: OfficerQueueTab, status: DossierStatusName): boolean {
  const statuses = QUEUE_TABS[tab];
  return statuses === null ? status !== 'DRAFT' : statuses.includes(status);
}

/** Each tab's count, from the number of dossiers in each status (by code). */
export function tabCountsOf(
  byStatus: { status: number; n: number }[],
): Record<OfficerQueueTab, number> {
  const counts = Object.fromEntries(OFFICER_QUEUE_TABS.map((t) => [t, 0])) as Record<
    OfficerQueueTab,
    number
  >;
  for (const { status, n } of byStatus) {
    for (const tab of OFFICER_QUEUE_TABS) {
      if (queueTabHolds(tab, statusName(status))) counts[tab] += n;
    }
  }
  return counts;
}

const NAMES_BY_CODE = new Map<number, DossierStatusName>(
  (Object.entries(DossierStatus) as [DossierStatusName, DossierStatusCode][]).map(([n, c]) => [
    c,
    n,
  ]),
);

export function statusName(code: number): DossierStatusName {
  const name = NAMES_BY_CODE.get(code);
  if (!name) throw new Error(`unknown dossier status code ${code}`);
  return name;
}

export function statusCode(name: DossierStatusName): DossierStatusCode {
  return DossierStatus[name];
}

/** 409 with the current status, so the client can refresh and show what is possible now. */
export class IllegalTransitionError extends DomainError {
  constructor(action: DossierAction, current: DossierStatusName) {
    super(DossierErrors.illegalTransition, {
      params: { action, status: current },
      extra: { currentStatus: current, currentStatusCode: statusCode(current), action },
    });
  }
}

/** The one row that applies, or IllegalTransitionError. */
export function resolveTransition(
  action: DossierAction,
  current: DossierStatusName,
  by: TransitionActor,
  facts: TransitionFacts,
): Transition {
  const found = TRANSITIONS.find(
    (t) =>
      t.action === action &&
      t.by === by &&
      t.from.includes(current) &&
      (t.when === undefined || TRANSITION_CONDITIONS[t.when](facts)),
  );
  if (!found) throw new IllegalTransitionError(action, current);
  return found;
}

/**
 * The actions `by` may take now, in the table's order: the rows that leave `current` and whose
 * condition holds. The dossier view lists them, so clients offer no action the table refuses.
 */
export function allowedActions(
  current: DossierStatusName,
  by: TransitionActor,
  facts: TransitionFacts,
): DossierAction[] {
  const rows = TRANSITIONS.filter(
    (t) =>
      t.by === by &&
      t.from.includes(current) &&
      (t.when === undefined || TRANSITION_CONDITIONS[t.when](facts)),
  );
  return [...new Set(rows.map((t) => t.action))];
}

/** Whether the action could apply to this status at all (before facts are known): early 409s. */
export function isActionPossible(
  action: DossierAction,
  current: DossierStatusName,
  by: TransitionActor,
): boolean {
  return TRANSITIONS.some((t) => t.action === action && t.by === by && t.from.includes(current));
}

export function assertActionPossible(
  action: DossierAction,
  current: DossierStatusName,
  by: TransitionActor,
): void {
  if (!isActionPossible(action, current, by)) throw new IllegalTransitionError(action, current);
}
