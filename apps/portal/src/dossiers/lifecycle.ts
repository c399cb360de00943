import type { DossierStatusName, OfficerAction } from '@dvc/contracts';

/**
 * How the portal presents the dossier lifecycle. Which actions are legal comes from the API
 * (`allowedActions` of the dossier view, from the dossier service's transition table).
 */

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

/** The officer's buttons: the allowed actions in the API's order, the irreversible ones last. */
export function officerButtons(allowed: readonly OfficerAction[]): OfficerAction[] {
  const last = (a: OfficerAction) => (ACTION_INPUT[a].danger ? 1 : 0);
  return [...allowed].sort((a, b) => last(a) - last(b));
}

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
