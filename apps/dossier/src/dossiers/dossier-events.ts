import { Injectable } from '@nestjs/common';
import {
  AgencyDossierEvent,
  DossierEventBase,
  DossierStatusName,
  Events,
  agencyRoutingKey,
} from '@dvc/contracts';
import type { Tx } from '@dvc/messaging';
import type { Attachment } from '../attachments/attachments.dto';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import type { ResultFile } from '../results/results.dto';
import { ResultsRepository } from '../results/results.repository';
import type { ByRole, Dossier, IssuedLetter } from './dossiers.dto';
import type { DossierAction } from './status-machine';
import { statusCode } from './status-machine';

/** What happened to the dossier, as the events tell it. */
export interface DossierChange {
  from: DossierStatusName;
  action: DossierAction;
  note: string | null;
  byRole: ByRole;
  /** request-supplement: what is missing. */
  missing?: string[];
  at: Date;
  /** The dossier's files as the caller already read them in this transaction (not read again). */
  files?: DossierFiles;
}

/** What the agency's copy of an event lists: the active attachments and the results. */
export interface DossierFiles {
  attachments: Attachment[];
  results: ResultFile[];
}

/**
 * Where dossier events are published, into the outbox of the caller's transaction. Each
 * event goes out twice (docs/design.md §3): under its type, for the portal's own consumers
 * (ids, status, no form data), and as the agency's copy under
 * `agency.<code with _>.dossier.<event>` only, with what the agency is entitled to: the form
 * data and file references, never an account id.
 */
@Injectable()
export class DossierEvents {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly results: ResultsRepository,
  ) {}

  async publish(tx: Tx, d: Dossier, change: DossierChange): Promise<void> {
    const base = dossierEventBase(d, change.at);
    const files = change.files ?? {
      attachments: await this.attachments.active(d.id, tx.manager),
      results: await this.results.list(d.id, tx.manager),
    };
    const agency = mapAgencyDossierEvent(d, files.attachments, files.results, change.at);
    const agencyKey = (type: string) => agencyRoutingKey(d.agencyCode, type);

    if (d.status === 'SUBMITTED') {
      const submittedAt = d.submittedAt!.toISOString();
      const lookupKey = d.lookupKey ?? undefined;
      await tx.publish({
        type: Events.dossierSubmitted,
        data: { ...base, submittedAt, ...(lookupKey ? { lookupKey } : {}) },
      });
      await tx.publish({
        type: Events.dossierSubmitted,
        routedAs: agencyKey(Events.dossierSubmitted),
        data: agency,
      });
    }

    const changed = {
      from: change.from,
      action: change.action,
      note: change.note,
      byRole: change.byRole,
      deliveryTracking: d.deliveryTracking,
      ...(change.missing ? { missing: change.missing } : {}),
    };
    await tx.publish({
      type: Events.dossierStatusChanged,
      data: {
        ...base,
        ...changed,
        dueAt: d.dueAt ? d.dueAt.toISOString() : null,
        deliveryMethod: d.deliveryMethod,
      },
    });
    await tx.publish({
      type: Events.dossierStatusChanged,
      routedAs: agencyKey(Events.dossierStatusChanged),
      data: { ...agency, ...changed },
    });

    if (d.status === 'PAYMENT_REQUIRED') {
      const payment = { amount: d.paymentAmount ?? 0, atSubmission: change.from === 'DRAFT' };
      await tx.publish({
        type: Events.dossierPaymentRequired,
        data: {
          ...base,
          ...payment,
          agencyName: d.procedure.agency.name,
          description: `Lệ phí hồ sơ ${d.code} — ${d.procedure.name}`,
        },
      });
      await tx.publish({
        type: Events.dossierPaymentRequired,
        routedAs: agencyKey(Events.dossierPaymentRequired),
        data: { ...agency, ...payment },
      });
    }
  }

  /** `dossier.apologized` for the portal (the applicant is told) and the agency's copy. */
  async publishApology(tx: Tx, d: Dossier, apology: ApologyChange): Promise<void> {
    const byRole = apology.byRole === 'agency-system' ? 'agency-system' : 'officer';
    const dates = {
      reason: apology.reason,
      previousDueAt: apology.previousDueAt.toISOString(),
      newDueAt: apology.newDueAt.toISOString(),
      verificationCode: apology.letter.verificationCode,
    };
    await tx.publish({
      type: Events.dossierApologized,
      data: {
        ...dossierEventBase(d, apology.at),
        ...dates,
        fileId: apology.letter.fileId,
        fileName: apology.letter.fileName,
        byRole,
      },
    });
    const agency = mapAgencyDossierEvent(
      d,
      await this.attachments.active(d.id, tx.manager),
      await this.results.list(d.id, tx.manager),
      apology.at,
    );
    await tx.publish({
      type: Events.dossierApologized,
      routedAs: agencyRoutingKey(d.agencyCode, Events.dossierApologized),
      data: { ...agency, ...dates },
    });
  }
}

/** An apology as the events tell it. */
export interface ApologyChange {
  reason: string;
  previousDueAt: Date;
  newDueAt: Date;
  letter: IssuedLetter;
  byRole: ByRole;
  at: Date;
}

export function dossierEventBase(d: Dossier, at: Date): DossierEventBase {
  return {
    dossierId: d.id,
    code: d.code!,
    procedureCode: d.procedure.code,
    procedureName: d.procedure.name,
    agencyCode: d.agencyCode,
    applicantId: d.applicantId,
    status: d.status,
    statusCode: statusCode(d.status),
    at: at.toISOString(),
  };
}

/** The agency's copy: listed field by field, so nothing is added to it by accident. */
export function mapAgencyDossierEvent(
  d: Dossier,
  attachments: Attachment[],
  results: ResultFile[],
  at: Date,
): AgencyDossierEvent {
  const iso = (date: Date | null) => (date ? date.toISOString() : null);
  return {
    dossierCode: d.code!,
    agencyCode: d.agencyCode,
    procedure: {
      code: d.procedure.code,
      name: d.procedure.name,
      caseId: d.procedure.case.id,
      caseName: d.procedure.case.name,
    },
    status: d.status,
    statusCode: statusCode(d.status),
    at: at.toISOString(),
    submittedAt: iso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    receiptNumber: d.receiptNumber,
    deliveryMethod: d.deliveryMethod,
    formData: d.formData,
    files: attachments.map((a) => ({
      componentId: a.componentId,
      fileId: a.fileId,
      fileName: a.fileName,
      size: a.size,
      sha256: a.sha256,
    })),
    results: results.map((r) => ({
      fileId: r.fileId,
      fileName: r.fileName,
      size: r.size,
      sha256: r.sha256,
    })),
  };
}
