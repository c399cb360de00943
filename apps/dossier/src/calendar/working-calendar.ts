/**
 * Lịch làm việc: working hours on working days in Asia/Ho_Chi_Minh, skipping holidays and
 * counting swapped working Saturdays (ngày làm bù). Vietnam has no daylight saving time, so
 * local time is UTC+7 all year and plain offset arithmetic is exact.
 */
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** No deadline is further away than this; a calendar without working time fails loudly. */
const MAX_DAYS = 3660;

/** One stretch of working time, in minutes after local midnight. */
export interface WorkingPeriod {
  start: number;
  end: number;
}

/** A day of the catalogue's holiday table. */
export interface CalendarDay {
  /** YYYY-MM-DD, local. */
  date: string;
  kind: 'holiday' | 'working_day';
}

/** Processing time of a procedure, as the catalogue states it. */
export interface ProcessingTime {
  value: number;
  unit: 'working_day' | 'working_hour' | 'day';
}

/** `07:30-11:30,13:00-17:00` → periods, checked to be ordered and not overlapping. */
export function parseWorkingHours(spec: string): WorkingPeriod[] {
  const periods = spec.split(',').map((part) => {
    const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(part.trim());
    if (!match) throw new Error(`working hours "${part}" are not HH:mm-HH:mm`);
    const [h1, m1, h2, m2] = match.slice(1).map(Number);
    return { start: h1 * 60 + m1, end: h2 * 60 + m2 };
  });
  let previousEnd = 0;
  for (const p of periods) {
    if (p.start < previousEnd || p.end <= p.start || p.end > 24 * 60) {
      throw new Error(
        `working hours "${spec}" must be ordered, non-overlapping periods within a day`,
      );
    }
    previousEnd = p.end;
  }
  return periods;
}

export const DEFAULT_WORKING_HOURS = '07:30-11:30,13:00-17:00';

/** Index of the local day an instant falls on (days since 1970-01-01 local). */
function dayIndexOf(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

/** The instant of local midnight starting that day. */
function midnightOf(dayIndex: number): number {
  return dayIndex * DAY_MS - OFFSET_MS;
}

function isoDateOf(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD of the local (Asia/Ho_Chi_Minh) day an instant falls on. */
export function localDate(instant: Date): string {
  return isoDateOf(dayIndexOf(instant.getTime()));
}

export class WorkingCalendar {
  private readonly holidays = new Set<string>();
  private readonly workingWeekends = new Set<string>();
  readonly minutesPerDay: number;

  constructor(
    days: readonly CalendarDay[],
    private readonly periods: readonly WorkingPeriod[] = parseWorkingHours(DEFAULT_WORKING_HOURS),
  ) {
    for (const d of days) (d.kind === 'holiday' ? this.holidays : this.workingWeekends).add(d.date);
    this.minutesPerDay = periods.reduce((sum, p) => sum + p.end - p.start, 0);
  }

  /** Monday–Friday unless a holiday; Saturday or Sunday only when listed as a working day. */
  isWorkingDay(date: string): boolean {
    if (this.holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return (weekday >= 1 && weekday <= 5) || this.workingWeekends.has(date);
  }

  /** Within the working hours of a working day (the end of a period included: 17:00 is in). */
  isWorkingTime(instant: Date): boolean {
    const t = instant.getTime();
    const day = dayIndexOf(t);
    if (!this.isWorkingDay(isoDateOf(day))) return false;
    return this.periodsOf(day).some(([s, e]) => t >= s && t <= e);
  }

  /**
   * The instant reached after `minutes` of working time from `start` (negative: before it).
   * A budget that ends exactly at the end of a period ends there (Friday 17:00, not Monday 07:30).
   */
  addWorkingMinutes(start: Date, minutes: number): Date {
    return minutes >= 0
      ? this.forward(start.getTime(), minutes * MINUTE_MS)
      : this.backward(start.getTime(), -minutes * MINUTE_MS);
  }

  /** Working minutes from a to b (negative when b is before a). */
  workingMinutesBetween(a: Date, b: Date): number {
    if (b.getTime() < a.getTime()) return -this.workingMinutesBetween(b, a);
    const from = a.getTime();
    const to = b.getTime();
    let total = 0;
    for (let day = dayIndexOf(from); day <= dayIndexOf(to); day++) {
      if (!this.isWorkingDay(isoDateOf(day))) continue;
      for (const [s, e] of this.periodsOf(day)) {
        const overlap = Math.min(e, to) - Math.max(s, from);
        if (overlap > 0) total += overlap;
      }
    }
    return total / MINUTE_MS;
  }

  /**
   * The processing time as working minutes counted from `from`: a working day is one day of
   * working hours (8 h by default); calendar days count the working time they contain.
   */
  processingMinutes(time: ProcessingTime, from: Date): number {
    switch (time.unit) {
      case 'working_day':
        return time.value * this.minutesPerDay;
      case 'working_hour':
        return time.value * 60;
      case 'day':
        return this.workingMinutesBetween(from, new Date(from.getTime() + time.value * DAY_MS));
    }
  }

  private periodsOf(day: number): [number, number][] {
    const midnight = midnightOf(day);
    return this.periods.map((p) => [midnight + p.start * MINUTE_MS, midnight + p.end * MINUTE_MS]);
  }

  private forward(cursor: number, remaining: number): Date {
    const first = dayIndexOf(cursor);
    for (let day = first; day < first + MAX_DAYS; day++) {
      if (!this.isWorkingDay(isoDateOf(day))) continue;
      for (const [s, e] of this.periodsOf(day)) {
        if (e <= cursor) continue;
        const begin = Math.max(cursor, s);
        if (remaining <= e - begin) return new Date(begin + remaining);
        remaining -= e - begin;
        cursor = e;
      }
    }
    throw new Error('the working calendar has no working time in the next ten years');
  }

  private backward(cursor: number, remaining: number): Date {
    const first = dayIndexOf(cursor);
    for (let day = first; day > first - MAX_DAYS; day--) {
      if (!this.isWorkingDay(isoDateOf(day))) continue;
      for (const [s, e] of this.periodsOf(day).reverse()) {
        if (s >= cursor) continue;
        const end = Math.min(cursor, e);
        if (remaining <= end - s) return new Date(end - remaining);
        remaining -= end - s;
        cursor = s;
      }
    }
    throw new Error('the working calendar has no working time in the last ten years');
  }
}
