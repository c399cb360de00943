import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HolidaySeed } from '../seed/seed.types';
import { HolidayRow } from './holidays.dto';

@Injectable()
export class HolidaysRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(year: number | null): Promise<HolidayRow[]> {
    return this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, name, kind FROM holidays
        WHERE $1::int IS NULL OR extract(year FROM date) = $1::int
        ORDER BY date`,
      [year],
    );
  }

  /** Adds or corrects the given days; days already in the table and not listed stay (it is editable). */
  async upsertAll(holidays: HolidaySeed[]): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO holidays (date, name, kind)
       SELECT * FROM unnest($1::date[], $2::text[], $3::text[])
       ON CONFLICT (date) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind
        WHERE (holidays.name, holidays.kind) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind)
       RETURNING date`,
      [holidays.map((h) => h.date), holidays.map((h) => h.name), holidays.map((h) => h.kind)],
    );
    return rows.length;
  }
}
