/** National dossier status codes (docs/design.md §4). */
export const DossierStatus = {
  DRAFT: 0,
  SUBMITTED: 1,
  RECEIVED: 2,
  REFUSED: 3,
  PROCESSING: 4,
  SUPPLEMENT_REQUESTED: 5,
  PAYMENT_REQUIRED: 6,
  WITHDRAWAL_REQUESTED: 7,
  STOPPED: 8,
  RESULT_READY: 9,
  RETURNED: 10,
} as const;

export type DossierStatusName = keyof typeof DossierStatus;
export type DossierStatusCode = (typeof DossierStatus)[DossierStatusName];

/** Officer actions of `POST /officer/dossiers/:id/actions/:action`. */
export const OfficerActions = [
  'receive',
  'start',
  'request-supplement',
  'request-payment',
  'refuse',
  'complete',
  'return',
  'stop',
] as const;
export type OfficerAction = (typeof OfficerActions)[number];

/** Citizen actions on their own dossier. */
export type CitizenAction = 'submit' | 'supplement' | 'withdraw';

/** What the applicant may do next (`allowedActions` of the dossier view): an action, or pay the fee due. */
export type CitizenNextAction = CitizenAction | 'pay';

export type DeliveryMethod = 'online' | 'post' | 'desk';
