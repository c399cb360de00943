import type { DossierStatusName, OfficerAction } from '../api/views';

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

/** What one line of the status history records: the event, not only the status it led to. */
export type HistoryEvent =
  | 'created'
  | 'submitted'
  | 'received'
  | 'started'
  | 'supplementRequested'
  | 'supplemented'
  | 'paymentRequested'
  | 'paid'
  | 'withdrawalRequested'
  | 'refused'
  | 'stopped'
  | 'completed'
  | 'returned'
  | 'resumed';

/**
 * Names a history entry by what happened: a supplement from the citizen brings the dossier
 * back to RECEIVED or PROCESSING, and a payment to PROCESSING or SUBMITTED, so the status
 * reached alone would call them "Đã tiếp nhận" or "Đang xử lý".
 */
export function historyEvent(entry: {
  from?: DossierStatusName | null;
  to: DossierStatusName;
}): HistoryEvent {
  if (entry.from === 'SUPPLEMENT_REQUESTED' && entry.to !== 'STOPPED' && entry.to !== 'REFUSED')
    return 'supplemented';
  if (entry.from === 'PAYMENT_REQUIRED' && (entry.to === 'PROCESSING' || entry.to === 'SUBMITTED'))
    return 'paid';
  switch (entry.to) {
    case 'DRAFT':
      return 'created';
    case 'SUBMITTED':
      return 'submitted';
    case 'RECEIVED':
      return 'received';
    case 'PROCESSING':
      return entry.from === 'RECEIVED' || entry.from === 'SUBMITTED' ? 'started' : 'resumed';
    case 'SUPPLEMENT_REQUESTED':
      return 'supplementRequested';
    case 'PAYMENT_REQUIRED':
      return 'paymentRequested';
    case 'WITHDRAWAL_REQUESTED':
      return 'withdrawalRequested';
    case 'REFUSED':
      return 'refused';
    case 'STOPPED':
      return 'stopped';
    case 'RESULT_READY':
      return 'completed';
    case 'RETURNED':
      return 'returned';
  }
}
