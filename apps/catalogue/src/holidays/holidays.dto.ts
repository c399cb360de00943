import type { HolidayView } from '@dvc/contracts';

export interface HolidayRow {
  /** YYYY-MM-DD (formatted in SQL, so no time zone can shift it). */
  date: string;
  name: string;
  kind: HolidayView['kind'];
}

export function mapHolidayView(row: HolidayRow): HolidayView {
  return { date: row.date, name: row.name, kind: row.kind };
}
