import { clockAfter, deadlineMark, dueAtReceipt, warnAtOf } from './processing-clock';
import { CalendarDay, WorkingCalendar } from './working-calendar';

/** Tết Bính Ngọ as the catalogue's holiday table lists it. */
const tet: CalendarDay[] = [
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
].map((date) => ({ date, kind: 'holiday' }));
const calendar = new WorkingCalendar(tet);

/** A local (UTC+7) wall-clock time as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);
const FIVE_DAYS = { value: 5, unit: 'working_day' as const };
const TEN_DAYS = { value: 10, unit: 'working_day' as const };

/** A dossier received at `receivedAt` with its due date and 80 % instant, as the workflow sets them. */
function received(receivedAt: Date, time = FIVE_DAYS) {
  const dueAt = dueAtReceipt(calendar, receivedAt, time)!;
  return { dueAt, warnAt: warnAtOf(calendar, dueAt, time, receivedAt)! };
}

describe('deadline marks: sắp đến hạn at 80 % of the processing time, quá hạn after the due date', () => {
  it('marks a five-working-day dossier due soon once four working days are used, overdue after the date', () => {
    const { dueAt, warnAt } = received(vn('2026-03-02T08:00:00')); // Monday
    expect(dueAt).toEqual(vn('2026-03-09T08:00:00')); // next Monday
    expect(warnAt).toEqual(vn('2026-03-06T08:00:00')); // Friday: one working day left
    const mark = (at: string) => deadlineMark('PROCESSING', dueAt, warnAt, vn(at));
    expect(mark('2026-03-06T07:59:00')).toBeNull();
    expect(mark('2026-03-06T08:00:00')).toBe('due-soon');
    expect(mark('2026-03-09T08:00:00')).toBe('due-soon'); // the due instant itself is not late
    expect(mark('2026-03-09T08:01:00')).toBe('overdue');
  });

  it('counts 80 % in working time across Tết: the warning waits for the first working minute after it', () => {
    const receivedAt = vn('2026-02-04T07:30:00'); // Wednesday
    const { dueAt, warnAt } = received(receivedAt, TEN_DAYS);
    expect(dueAt).toEqual(vn('2026-02-24T17:00:00'));
    expect(calendar.workingMinutesBetween(receivedAt, warnAt)).toBe(0.8 * 10 * 480);
    const mark = (at: string) => deadlineMark('RECEIVED', dueAt, warnAt, vn(at));
    expect(mark('2026-02-13T16:59:00')).toBeNull(); // Friday before Tết: 80 % not yet used
    expect(mark('2026-02-18T10:00:00')).toBeNull(); // mùng 2 Tết: no working time passes
    expect(mark('2026-02-23T07:30:00')).toBe('due-soon'); // Monday after Tết, office opens
  });

  it('stops while the citizen owes a supplement and resumes with the working time left', () => {
    const receivedAt = vn('2026-03-02T08:00:00');
    const { dueAt } = received(receivedAt);
    // Three of five days used, then the officer asks for a document.
    const paused = clockAfter(
      calendar,
      { dueAt, pausedAt: null, remainingMinutes: null },
      'PROCESSING',
      'SUPPLEMENT_REQUESTED',
      vn('2026-03-05T08:00:00'),
    );
    expect(
      deadlineMark('SUPPLEMENT_REQUESTED', paused.dueAt, null, vn('2026-03-13T08:00:00')),
    ).toBeNull();
    // The citizen answers a week later: two working days are left, the last one is "due soon".
    const resumed = clockAfter(
      calendar,
      paused,
      'SUPPLEMENT_REQUESTED',
      'PROCESSING',
      vn('2026-03-16T08:00:00'),
    );
    expect(resumed.dueAt).toEqual(vn('2026-03-18T08:00:00'));
    const warnAt = warnAtOf(calendar, resumed.dueAt, FIVE_DAYS, receivedAt)!;
    expect(warnAt).toEqual(vn('2026-03-17T08:00:00'));
    const mark = (at: string) => deadlineMark('PROCESSING', resumed.dueAt, warnAt, vn(at));
    expect(mark('2026-03-16T17:00:00')).toBeNull();
    expect(mark('2026-03-17T08:00:00')).toBe('due-soon');
    expect(mark('2026-03-18T08:01:00')).toBe('overdue');
  });

  it('never marks a finished dossier or one without a processing time', () => {
    const { dueAt, warnAt } = received(vn('2026-03-02T08:00:00'));
    const late = vn('2026-04-01T08:00:00');
    for (const status of ['RESULT_READY', 'RETURNED', 'REFUSED', 'STOPPED'] as const) {
      expect(deadlineMark(status, dueAt, warnAt, late)).toBeNull();
    }
    expect(warnAtOf(calendar, null, FIVE_DAYS, late)).toBeNull();
    expect(warnAtOf(calendar, dueAt, null, late)).toBeNull();
  });
});
