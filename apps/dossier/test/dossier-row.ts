import { randomUUID } from 'node:crypto';
import type { ProcedureView } from '@dvc/contracts';
import { Dossier, procedureSnapshot } from '../src/dossiers/dossiers.dto';
import { procedure as procedureView } from './fixtures';

/**
 * A dossier row as the repository returns it, for unit tests: a draft of the test birth
 * registration (9.000004, level 4, one working day) unless told otherwise.
 */
export function dossierOf(
  overrides: Partial<Dossier> = {},
  procedure: ProcedureView = procedureView(),
): Dossier {
  const snapshot = procedureSnapshot(procedure, procedure.cases[0]);
  const createdAt = new Date('2026-03-02T01:00:00Z');
  return {
    id: randomUUID(),
    code: null,
    lookupKeyHash: null,
    lookupKey: null,
    applicantId: randomUUID(),
    applicant: null,
    procedure: snapshot,
    caseId: snapshot.case.id,
    agencyCode: snapshot.agency.code,
    status: 'DRAFT',
    pausedFrom: null,
    formData: {},
    deliveryMethod: snapshot.level === 4 ? 'online' : 'desk',
    deliveryAddress: null,
    deliveryTracking: null,
    receiptNumber: null,
    submittedAt: null,
    receivedAt: null,
    dueAt: null,
    warnAt: null,
    originalDueAt: null,
    receipt: null,
    pausedAt: null,
    pausedWorkingMinutesRemaining: null,
    paymentAmount: null,
    supplementRequest: null,
    createdAt,
    updatedAt: createdAt,
    version: 1,
    ...overrides,
  };
}
