import {
  DossierDeadlineWarningEvent,
  DossierStatusChangedEvent,
  EventEnvelope,
  Events,
} from '@dvc/contracts';
import { MalformedEventError } from '../events/event-emails';
import type { NotificationDraft } from './notification-rules';
import type { DueDateFacts, OfficerNotificationType } from './notification-types';

/** A notification for every officer of an agency, before the officers are looked up. */
export interface AgencyNotification {
  agencyCode: string;
  draft: Omit<NotificationDraft, 'accountId'>;
}

/** The citizen's actions an officer waits for, by the action that reports them. */
const CITIZEN_ACTIONS: Record<string, OfficerNotificationType> = {
  supplement: 'officer.supplemented',
  'payment-succeeded': 'officer.paid',
};

const DEADLINE_KINDS: Record<DossierDeadlineWarningEvent['kind'], OfficerNotificationType> = {
  'due-soon': 'officer.due_soon',
  overdue: 'officer.overdue',
};

const FIELDS = ['dossierId', 'code', 'procedureName', 'agencyCode'] as const;

/**
 * What the agency's officers are told (docs/design.md §14): a deadline warning, and the
 * citizen's supplement or payment that gives the dossier back to them. Bell and email, in
 * Vietnamese (officers read the portal's working language); null for any other event.
 */
export function agencyNotificationFor(envelope: EventEnvelope): AgencyNotification | null {
  const type = officerTypeOf(envelope);
  if (!type) return null;
  const d = (envelope.data ?? {}) as Partial<DossierStatusChangedEvent>;
  const missing = FIELDS.filter((f) => typeof d[f] !== 'string' || d[f].trim() === '');
  if (missing.length > 0) {
    throw new MalformedEventError(
      `${envelope.type} ${envelope.id}: the payload lacks ${missing.join(', ')}`,
    );
  }
  const facts: DueDateFacts = {
    dossierId: d.dossierId!,
    code: d.code!,
    procedureName: d.procedureName!,
    dueAt: typeof d.dueAt === 'string' ? d.dueAt : null,
  };
  return {
    agencyCode: d.agencyCode!,
    draft: {
      type,
      category: 'dossier',
      locale: 'vi',
      link: `/can-bo/ho-so/${facts.dossierId}`,
      data: facts,
      email: 'officer-dossier',
      sms: false,
    },
  };
}

export function officerTypeOf(envelope: EventEnvelope): OfficerNotificationType | null {
  const data = (envelope.data ?? {}) as { action?: unknown; kind?: unknown };
  if (envelope.type === Events.dossierDeadlineWarning) {
    return typeof data.kind === 'string' && Object.hasOwn(DEADLINE_KINDS, data.kind)
      ? DEADLINE_KINDS[data.kind as DossierDeadlineWarningEvent['kind']]
      : null;
  }
  if (envelope.type === Events.dossierStatusChanged) {
    return typeof data.action === 'string' && Object.hasOwn(CITIZEN_ACTIONS, data.action)
      ? CITIZEN_ACTIONS[data.action]
      : null;
  }
  return null;
}
