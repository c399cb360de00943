import type { DeadlineMark, DossierStatusName } from '@dvc/contracts';
import { CLOCKED_STATUSES, FINISHED_STATUSES, PAUSED_STATUSES } from '../dossiers/status-machine';
import type { ProcessingTime, WorkingCalendar } from './working-calendar';

/**
 * Thời hạn giải quyết: the one place that computes due dates. The clock starts when the
 * agency receives the dossier, stands still while the citizen owes documents or a fee
 * (statuses 5 and 6) and resumes with the working time that was left.
 */
export interface ClockState {
  dueAt: Date | null;
  pausedAt: Date | null;
  /** Working minutes that were left when the clock stopped (negative: already late by that much). */
  remainingMinutes: number | null;
}

/** Due date of a dossier received at `receivedAt`; null when the procedure states no time. */
export function dueAtReceipt(
  calendar: WorkingCalendar,
  receivedAt: Date,
  time: ProcessingTime | null,
): Date | null {
  if (!time) return null;
  return calendar.addWorkingMinutes(receivedAt, calendar.processingMinutes(time, receivedAt));
}

/** The clock state after a transition from → to at `now`. */
export function clockAfter(
  calendar: WorkingCalendar,
  clock: ClockState,
  from: DossierStatusName,
  to: DossierStatusName,
  now: Date,
): ClockState {
  const pausing = PAUSED_STATUSES.includes(to) && !PAUSED_STATUSES.includes(from);
  const resuming = PAUSED_STATUSES.includes(from) && !PAUSED_STATUSES.includes(to);
  if (pausing) {
    if (!clock.dueAt) return { dueAt: null, pausedAt: now, remainingMinutes: null };
    // Whole minutes: what a receipt shows, and what the resumed deadline adds back.
    const remainingMinutes = Math.round(calendar.workingMinutesBetween(now, clock.dueAt));
    return { dueAt: null, pausedAt: now, remainingMinutes };
  }
  if (resuming) {
    const dueAt =
      CLOCKED_STATUSES.includes(to) && clock.remainingMinutes !== null
        ? calendar.addWorkingMinutes(now, clock.remainingMinutes)
        : null;
    return { dueAt, pausedAt: null, remainingMinutes: null };
  }
  return clock;
}

/** Quá hạn: the due date has passed and the agency still owes an answer. */
export function isOverdue(status: DossierStatusName, dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && now.getTime() > dueAt.getTime() && !FINISHED_STATUSES.includes(status);
}

/** Share of the processing time used when a dossier becomes "sắp đến hạn" (docs/design.md §14). */
export const DUE_SOON_SHARE = 0.8;

/**
 * Sắp đến hạn: the instant 80 % of the processing time is used, that is the last fifth of it
 * counted back in working time from the due date. Counted from the due date, it moves with
 * every change of that date (a resumed clock, a new date after an apology) and skips the same
 * holidays and breaks. Set it wherever the due date is set.
 */
export function warnAtOf(
  calendar: WorkingCalendar,
  dueAt: Date | null,
  time: ProcessingTime | null,
  receivedAt: Date,
): Date | null {
  if (!dueAt || !time) return null;
  const budget = calendar.processingMinutes(time, receivedAt);
  return calendar.addWorkingMinutes(dueAt, -Math.round(budget * (1 - DUE_SOON_SHARE)));
}

/** How close to its date a dossier is, as the officer queue marks it and warnings announce it. */
export function deadlineMark(
  status: DossierStatusName,
  dueAt: Date | null,
  warnAt: Date | null,
  now: Date,
): DeadlineMark | null {
  if (isOverdue(status, dueAt, now)) return 'overdue';
  if (dueAt === null || warnAt === null || FINISHED_STATUSES.includes(status)) return null;
  return now.getTime() >= warnAt.getTime() ? 'due-soon' : null;
}
