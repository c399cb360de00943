import { clockAfter, dueAtReceipt, isOverdue } from './processing-clock';
import { CalendarDay, WorkingCalendar, localDate, parseWorkingHours } from './working-calendar';

/** The 2026 rows of the catalogue's holiday table (apps/catalogue/src/seed/data/holidays.ts). */
const holidays: CalendarDay[] = [
  { date: '2026-01-01', kind: 'holiday' }, // Tết Dương lịch
  { date: '2026-01-02', kind: 'holiday' }, // nghỉ hoán đổi
  { date: '2026-01-10', kind: 'working_day' }, // làm bù cho 02/01
  { date: '2026-02-16', kind: 'holiday' }, // Tết Bính Ngọ, 29 tháng Chạp
  { date: '2026-02-17', kind: 'holiday' }, // mùng 1
  { date: '2026-02-18', kind: 'holiday' },
  { date: '2026-02-19', kind: 'holiday' },
  { date: '2026-02-20', kind: 'holiday' }, // mùng 4
  { date: '2026-04-27', kind: 'holiday' },
  { date: '2026-04-30', kind: 'holiday' },
  { date: '2026-05-01', kind: 'holiday' },
  { date: '2026-09-01', kind: 'holiday' },
  { date: '2026-09-02', kind: 'holiday' },
];

/** A local (UTC+7) wall-clock time as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);
const ONE_WORKING_DAY = { value: 1, unit: 'working_day' as const };

describe('WorkingCalendar (Asia/Ho_Chi_Minh, the catalogue holiday table)', () => {
  const calendar = new WorkingCalendar(holidays);

  it('has 8 working hours a day by default', () => {
    expect(calendar.minutesPerDay).toBe(480);
  });

  it('knows weekdays, weekends, Tết and the swapped working Saturday', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true); // Friday before Tết
    expect(calendar.isWorkingDay('2026-02-14')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-02-17')).toBe(false); // mùng 1 Tết (Tuesday)
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true); // back to work
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false); // bridged Friday
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true); // Saturday worked in exchange
    expect(calendar.isWorkingDay('2026-01-11')).toBe(false); // Sunday
  });

  it('a Friday 16:00 receipt with one working day is due Monday 16:00', () => {
    const due = dueAtReceipt(calendar, vn('2026-03-06T16:00:00'), ONE_WORKING_DAY);
    expect(due).toEqual(vn('2026-03-09T16:00:00'));
  });

  it('skips the nine days of Tết Bính Ngọ 2026', () => {
    // Friday 13/02 16:00 + 8 h: 1 h on Friday, then nothing until Monday 23/02.
    expect(dueAtReceipt(calendar, vn('2026-02-13T16:00:00'), ONE_WORKING_DAY)).toEqual(
      vn('2026-02-23T16:00:00'),
    );
    // Three working days from Thursday 12/02 09:00: to Friday, Monday 23/02, Tuesday 24/02.
    expect(calendar.addWorkingMinutes(vn('2026-02-12T09:00:00'), 3 * 480)).toEqual(
      vn('2026-02-24T09:00:00'),
    );
  });

  it('counts the swapped working Saturday 10/01/2026 and skips the bridged Friday 02/01', () => {
    expect(dueAtReceipt(calendar, vn('2026-01-09T16:00:00'), ONE_WORKING_DAY)).toEqual(
      vn('2026-01-10T16:00:00'),
    );
    expect(dueAtReceipt(calendar, vn('2025-12-31T16:00:00'), ONE_WORKING_DAY)).toEqual(
      vn('2026-01-05T16:00:00'),
    );
  });

  it('ends a budget exactly at the end of a period, and starts late receipts next morning', () => {
    expect(calendar.addWorkingMinutes(vn('2026-03-06T16:00:00'), 60)).toEqual(
      vn('2026-03-06T17:00:00'),
    );
    expect(calendar.addWorkingMinutes(vn('2026-03-06T10:30:00'), 120)).toEqual(
      vn('2026-03-06T14:00:00'),
    );
    expect(calendar.addWorkingMinutes(vn('2026-03-06T20:00:00'), 30)).toEqual(
      vn('2026-03-09T08:00:00'),
    );
    expect(calendar.addWorkingMinutes(vn('2026-03-07T12:00:00'), 0)).toEqual(
      vn('2026-03-09T07:30:00'),
    );
  });

  it('counts working minutes between two instants, skipping lunch, nights and holidays', () => {
    expect(
      calendar.workingMinutesBetween(vn('2026-03-06T11:00:00'), vn('2026-03-06T13:30:00')),
    ).toBe(60);
    expect(
      calendar.workingMinutesBetween(vn('2026-02-13T16:00:00'), vn('2026-02-23T08:30:00')),
    ).toBe(120);
    expect(
      calendar.workingMinutesBetween(vn('2026-02-23T08:30:00'), vn('2026-02-13T16:00:00')),
    ).toBe(-120);
    expect(
      calendar.workingMinutesBetween(vn('2026-02-14T08:00:00'), vn('2026-02-22T18:00:00')),
    ).toBe(0);
  });

  it('goes backwards for a negative budget (a dossier paused when already late)', () => {
    expect(calendar.addWorkingMinutes(vn('2026-02-23T08:30:00'), -120)).toEqual(
      vn('2026-02-13T16:00:00'),
    );
  });

  it('turns calendar days into the working time they contain', () => {
    const from = vn('2026-03-02T09:00:00'); // Monday
    expect(calendar.processingMinutes({ value: 7, unit: 'day' }, from)).toBe(5 * 480);
    expect(calendar.processingMinutes({ value: 4, unit: 'working_hour' }, from)).toBe(240);
  });

  it('takes configurable working hours', () => {
    const shortDays = new WorkingCalendar([], parseWorkingHours('08:00-12:00'));
    expect(shortDays.minutesPerDay).toBe(240);
    expect(dueAtReceipt(shortDays, vn('2026-03-06T11:00:00'), ONE_WORKING_DAY)).toEqual(
      vn('2026-03-09T11:00:00'),
    );
    expect(() => parseWorkingHours('13:00-17:00,07:30-11:30')).toThrow();
    expect(() => parseWorkingHours('7:30-11:30')).toThrow();
  });

  it('dates instants in local time', () => {
    expect(localDate(new Date('2026-02-16T17:30:00Z'))).toBe('2026-02-17'); // 00:30 local
    expect(localDate(new Date('2026-02-16T16:59:59Z'))).toBe('2026-02-16');
  });
});

describe('processing clock', () => {
  const calendar = new WorkingCalendar(holidays);
  const received = vn('2026-03-02T08:00:00'); // Monday
  const dueAt = dueAtReceipt(calendar, received, { value: 2, unit: 'working_day' })!;

  it('pauses with the working time left and resumes with it', () => {
    expect(dueAt).toEqual(vn('2026-03-04T08:00:00'));
    const paused = clockAfter(
      calendar,
      { dueAt, pausedAt: null, remainingMinutes: null },
      'PROCESSING',
      'SUPPLEMENT_REQUESTED',
      vn('2026-03-03T08:00:00'),
    );
    expect(paused).toEqual({
      dueAt: null,
      pausedAt: vn('2026-03-03T08:00:00'),
      remainingMinutes: 480,
    });
    // The citizen answers after Tết-like delays: a week later, Tuesday 10:00.
    const resumed = clockAfter(
      calendar,
      paused,
      'SUPPLEMENT_REQUESTED',
      'PROCESSING',
      vn('2026-03-10T10:00:00'),
    );
    expect(resumed).toEqual({
      dueAt: vn('2026-03-11T10:00:00'),
      pausedAt: null,
      remainingMinutes: null,
    });
  });

  it('keeps lateness across a pause', () => {
    const paused = clockAfter(
      calendar,
      { dueAt, pausedAt: null, remainingMinutes: null },
      'RECEIVED',
      'PAYMENT_REQUIRED',
      vn('2026-03-04T09:00:00'),
    );
    expect(paused.remainingMinutes).toBe(-60);
    const resumed = clockAfter(
      calendar,
      paused,
      'PAYMENT_REQUIRED',
      'PROCESSING',
      vn('2026-03-05T08:00:00'),
    );
    // Still an hour late: 30 min of Thursday morning and the last 30 min of Wednesday.
    expect(resumed.dueAt).toEqual(vn('2026-03-04T16:30:00'));
    expect(isOverdue('PROCESSING', resumed.dueAt, vn('2026-03-05T08:00:00'))).toBe(true);
  });

  it('does not touch the clock on other transitions, and a withdrawal from a pause ends it', () => {
    const running = { dueAt, pausedAt: null, remainingMinutes: null };
    expect(clockAfter(calendar, running, 'RECEIVED', 'PROCESSING', vn('2026-03-03T08:00:00'))).toBe(
      running,
    );
    const paused = clockAfter(
      calendar,
      running,
      'PROCESSING',
      'SUPPLEMENT_REQUESTED',
      vn('2026-03-03T08:00:00'),
    );
    expect(
      clockAfter(
        calendar,
        paused,
        'SUPPLEMENT_REQUESTED',
        'WITHDRAWAL_REQUESTED',
        vn('2026-03-03T09:00:00'),
      ),
    ).toEqual({ dueAt: null, pausedAt: null, remainingMinutes: null });
  });

  it('flags overdue only while the agency still owes an answer', () => {
    const after = vn('2026-03-05T08:00:00');
    expect(isOverdue('PROCESSING', dueAt, after)).toBe(true);
    expect(isOverdue('RECEIVED', dueAt, vn('2026-03-03T08:00:00'))).toBe(false);
    for (const done of ['REFUSED', 'STOPPED', 'RESULT_READY', 'RETURNED'] as const) {
      expect(isOverdue(done, dueAt, after)).toBe(false);
    }
    expect(isOverdue('SUPPLEMENT_REQUESTED', null, after)).toBe(false);
  });
});
