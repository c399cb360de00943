import {
  Caller,
  DossierStatusName,
  DossierErrors,
  AuthErrors,
  ErrorEntry,
  DomainError,
} from '@dvc/contracts';
import type { Dossier } from './dossiers.dto';
import { statusCode } from './status-machine';

/**
 * Who may see a dossier. Anyone else gets the same 404 as for a dossier that does not exist
 * (never 403: that would confirm it exists).
 */
export function dossierNotFound(): DomainError {
  return new DomainError(DossierErrors.notFound);
}

/** The applicant's own dossier, or 404. */
export function ownDossier(caller: Caller, dossier: Dossier | null): Dossier {
  if (!dossier || dossier.applicantId !== caller.accountId) throw dossierNotFound();
  return dossier;
}

export function isOfficer(caller: Caller): boolean {
  return caller.roles.includes('officer');
}

/** Officer routes: 403 without the role (the route itself is not theirs). */
export function requireOfficer(caller: Caller): void {
  if (!isOfficer(caller)) {
    throw new DomainError(AuthErrors.officerRequired);
  }
}

/** A submitted dossier of one of the officer's agencies, or 404. */
export function agencyDossier(caller: Caller, dossier: Dossier | null): Dossier {
  if (!dossier || dossier.status === 'DRAFT' || !caller.agencies.includes(dossier.agencyCode)) {
    throw dossierNotFound();
  }
  return dossier;
}

/** 409 naming the current status, for actions that need another one (edit, attach…). */
export function wrongStatus(entry: ErrorEntry, current: DossierStatusName): DomainError {
  return new DomainError(entry, {
    extra: { currentStatus: current, currentStatusCode: statusCode(current) },
  });
}

/** Form data and attachments change only in a draft, or while answering a supplement request. */
export function assertEditable(d: Dossier): void {
  if (d.status !== 'DRAFT' && d.status !== 'SUPPLEMENT_REQUESTED') {
    throw wrongStatus(DossierErrors.notEditable, d.status);
  }
}
