import { Injectable } from '@nestjs/common';
import type { Tx } from '@dvc/messaging';
import { CalendarSource } from '../calendar/calendar-source';
import { StatusTallies } from '../stats/status-tallies';
import { clockAfter, dueAtReceipt, warnAtOf } from '../calendar/processing-clock';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { DossierEvents, DossierFiles } from './dossier-events';
import { ByRole, Dossier, DossierChanges, transitionFactsOf } from './dossiers.dto';
import { DossiersRepository } from './dossiers.repository';
import {
  DossierAction,
  PAUSED_STATUSES,
  TransitionActor,
  resolveTransition,
} from './status-machine';

export interface Actor {
  by: TransitionActor;
  /** Recorded in the history: who acted, by role (never a name). */
  role: ByRole;
  accountId: string | null;
}

export interface ActionRequest {
  action: DossierAction;
  actor: Actor;
  /** One instant for the whole action: the history row, timestamps and the clock agree. */
  now: Date;
  note?: string | null;
  /** What this action records besides status and clock (receipt number, amount, tracking…). */
  changes?: DossierChanges;
  /** request-supplement: what is missing, for the event. */
  missing?: string[];
  /** The dossier's attachments and results when the caller has them already (as of this transaction). */
  files?: DossierFiles;
}

/**
 * Applies one action to a dossier the caller has locked in `tx`: checks it against the
 * transition table, moves the deadline clock, writes the new state, appends the history row,
 * moves the status tallies and puts the events in the outbox — all in that one transaction.
 */
@Injectable()
export class DossierWorkflow {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly calendars: CalendarSource,
    private readonly events: DossierEvents,
    private readonly tallies: StatusTallies,
  ) {}

  async apply(tx: Tx, dossier: Dossier, request: ActionRequest): Promise<Dossier> {
    const { now, actor } = request;
    const transition = resolveTransition(
      request.action,
      dossier.status,
      actor.by,
      transitionFactsOf(dossier),
    );
    const from = dossier.status;
    const to = transition.to;
    const changes: DossierChanges = { ...request.changes, status: to };

    // The calendar is cached; it is read only by actions that move the clock.
    let calendar: WorkingCalendar | null = null;
    const needsCalendar =
      request.action === 'receive' ||
      (dossier.dueAt !== null && PAUSED_STATUSES.includes(to)) ||
      (dossier.pausedWorkingMinutesRemaining !== null && PAUSED_STATUSES.includes(from));
    if (needsCalendar) calendar = await this.calendars.current();

    const dueAt =
      request.action === 'receive'
        ? dueAtReceipt(calendar!, now, dossier.procedure.processingTime)
        : dossier.dueAt;
    const clock = clockAfter(
      calendar!,
      {
        dueAt,
        pausedAt: dossier.pausedAt,
        remainingMinutes: dossier.pausedWorkingMinutesRemaining,
      },
      from,
      to,
      now,
    );
    changes.dueAt = clock.dueAt;
    // A new due date (received, or resumed after a pause) brings its own "sắp đến hạn" instant.
    if (clock.dueAt === null) changes.warnAt = null;
    else if (clock.dueAt !== dossier.dueAt) {
      const time = dossier.procedure.processingTime;
      changes.warnAt = warnAtOf(calendar!, clock.dueAt, time, dossier.receivedAt ?? now);
    }
    changes.pausedAt = clock.pausedAt;
    changes.pausedWorkingMinutesRemaining = clock.remainingMinutes;
    if (PAUSED_STATUSES.includes(to) && !PAUSED_STATUSES.includes(from)) changes.pausedFrom = from;
    if (PAUSED_STATUSES.includes(from) && !PAUSED_STATUSES.includes(to)) changes.pausedFrom = null;

    const updated = await this.dossiers.update(tx.manager, dossier, changes, now);
    await this.dossiers.appendHistory(tx.manager, {
      dossierId: dossier.id,
      from,
      to,
      action: request.action,
      byAccountId: actor.accountId,
      byRole: actor.role,
      note: request.note ?? null,
      at: now,
    });
    await this.tallies.record(tx.manager, dossier, updated, now);
    await this.events.publish(tx, updated, {
      from,
      action: request.action,
      note: request.note ?? null,
      byRole: actor.role,
      missing: request.missing,
      at: now,
      files: request.files,
    });
    return updated;
  }
}
