import type { DossierStatusName, OfficerAction } from '@dvc/contracts';

/**
 * The dossier lifecycle of DESIGN.md §4 as the portal needs it: which buttons a status offers.
 * One table, mirroring the dossier service's (apps/dossier/src/dossiers/status-machine.ts);
 * lifecycle.test.ts checks the two agree. The server decides; this only hides what it would refuse.
 */
export type PortalAction = OfficerAction | 'submit' | 'supplement' | 'withdraw' | 'pay';
export type Actor = 'citizen' | 'officer';

interface Row {
  action: PortalAction;
  by: Actor;
  from: readonly DossierStatusName[];
}

// A table reads best one row per line.
// prettier-ignore
export const ACTIONS: readonly Row[] = [
  { action: 'submit',             by: 'citizen', from: ['DRAFT'] },
  { action: 'supplement',         by: 'citizen', from: ['SUPPLEMENT_REQUESTED'] },
  { action: 'pay',                by: 'citizen', from: ['PAYMENT_REQUIRED'] },
  { action: 'withdraw',           by: 'citizen', from: ['SUBMITTED', 'RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'PAYMENT_REQUIRED'] },
  { action: 'receive',            by: 'officer', from: ['SUBMITTED'] },
  { action: 'start',              by: 'officer', from: ['RECEIVED'] },
  { action: 'request-supplement', by: 'officer', from: ['RECEIVED', 'PROCESSING'] },
  { action: 'request-payment',    by: 'officer', from: ['RECEIVED', 'PROCESSING'] },
  { action: 'complete',           by: 'officer', from: ['PROCESSING'] },
  { action: 'return',             by: 'officer', from: ['RESULT_READY'] },
  { action: 'refuse',             by: 'officer', from: ['SUBMITTED', 'RECEIVED', 'PROCESSING'] },
  { action: 'stop',               by: 'officer', from: ['WITHDRAWAL_REQUESTED', 'RECEIVED', 'PROCESSING'] },
];

/** The actions `by` may take on a dossier in `status`, in the table's order. */
export function actionsFor(by: Actor, status: DossierStatusName): PortalAction[] {
  return ACTIONS.filter((row) => row.by === by && row.from.includes(status)).map((r) => r.action);
}

export function officerActionsFor(status: DossierStatusName): OfficerAction[] {
  return actionsFor('officer', status) as OfficerAction[];
}

/** While these hold, nothing is pending from the agency any more. */
export const FINISHED: readonly DossierStatusName[] = [
  'REFUSED',
  'STOPPED',
  'RESULT_READY',
  'RETURNED',
];

/** Which officer actions need what from the officer before they can be sent. */
export const ACTION_INPUT: Record<
  OfficerAction,
  {
    note: 'none' | 'optional' | 'required';
    amount?: true;
    missing?: true;
    result?: true;
    danger?: true;
  }
> = {
  receive: { note: 'optional' },
  start: { note: 'optional' },
  'request-supplement': { note: 'required', missing: true },
  'request-payment': { note: 'optional', amount: true },
  complete: { note: 'optional', result: true },
  return: { note: 'optional' },
  refuse: { note: 'required', danger: true },
  stop: { note: 'required', danger: true },
};

/** Status order for the timeline's colours. */
export function statusTone(
  status: DossierStatusName,
): 'default' | 'processing' | 'warning' | 'success' | 'error' {
  switch (status) {
    case 'DRAFT':
      return 'default';
    case 'SUPPLEMENT_REQUESTED':
    case 'PAYMENT_REQUIRED':
    case 'WITHDRAWAL_REQUESTED':
      return 'warning';
    case 'RESULT_READY':
    case 'RETURNED':
      return 'success';
    case 'REFUSED':
    case 'STOPPED':
      return 'error';
    case 'SUBMITTED':
    case 'RECEIVED':
    case 'PROCESSING':
      return 'processing';
  }
}
