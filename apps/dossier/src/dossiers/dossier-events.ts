import { DossierEventBase, EventPayloads, Events } from '@dvc/contracts';
import type { Tx } from '@dvc/messaging';
import type { Dossier } from './dossiers.dto';
import { statusCode } from './status-machine';

type DossierEventType =
  | typeof Events.dossierSubmitted
  | typeof Events.dossierStatusChanged
  | typeof Events.dossierPaymentRequired;

/**
 * The agency's routing key of a dossier event (DESIGN.md §3): the agency code's dots become
 * underscores so one word is one agency, e.g. `agency.000_00_01_H26.dossier.submitted`.
 */
export function agencyRoutingKey(agencyCode: string, type: DossierEventType): string {
  return `agency.${agencyCode.replace(/\./g, '_')}.${type}`;
}

/**
 * Where dossier events are published: into the outbox of the caller's transaction, under
 * the event type and the agency's routing key both.
 */
export async function publishDossierEvent<K extends DossierEventType>(
  tx: Tx,
  type: K,
  data: EventPayloads[K] & DossierEventBase,
): Promise<void> {
  await tx.publish({ type, data, alsoRoutedAs: [agencyRoutingKey(data.agencyCode, type)] });
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
