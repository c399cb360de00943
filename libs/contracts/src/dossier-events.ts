import type { DeliveryMethod, DossierStatusName } from './dossier-status';

export interface DossierEventBase {
  dossierId: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  agencyCode: string;
  applicantId: string;
  status: DossierStatusName;
  statusCode: number;
  at: string;
}

export interface DossierSubmittedEvent extends DossierEventBase {
  submittedAt: string;
  /** Mã tra cứu, for the applicant's confirmation email; never in the agency's copy. */
  lookupKey?: string;
}

export interface DossierStatusChangedEvent extends DossierEventBase {
  from: DossierStatusName;
  /** Officer action or citizen action that caused it. */
  action: string;
  note: string | null;
  byRole: 'citizen' | 'officer' | 'agency-system' | 'system';
  dueAt: string | null;
  deliveryMethod: DeliveryMethod;
  deliveryTracking: string | null;
  /** request-supplement */
  missing?: string[];
}

/**
 * Cảnh báo hạn xử lý, for the agency's officers: the dossier has used 80 % of its processing
 * time (`due-soon`) or passed its due date (`overdue`). Once per kind and due date.
 */
export interface DossierDeadlineWarningEvent extends DossierEventBase {
  kind: 'due-soon' | 'overdue';
  dueAt: string;
}

export interface DossierPaymentRequiredEvent extends DossierEventBase {
  /** The agency's name, printed on the receipt (absent from older events). */
  agencyName?: string;
  /** VND integer. */
  amount: number;
  description: string;
  /** true when the fee is paid at submission (success moves the dossier to SUBMITTED). */
  atSubmission: boolean;
}

/** An apology letter was issued and the due date moved (the status does not change). */
export interface DossierApologizedEvent extends DossierEventBase {
  reason: string;
  previousDueAt: string;
  newDueAt: string;
  /** The signed letter: the applicant downloads it from the dossier's files. */
  fileId: string;
  fileName: string;
  verificationCode: string;
  byRole: 'officer' | 'agency-system';
}

export interface StorageFileRejectedEvent {
  fileId: string;
  ownerId: string;
  purpose: string;
  fileName: string;
  reason: 'infected' | 'unscannable';
  signature: string | null;
}
