import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import type { HolidaySeed } from '../seed/seed.types';
import { HolidayRow } from './holidays.dto';

@Injectable()
export class HolidaysRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(year: number | null): Promise<HolidayRow[]> {
    const rows = await this.db
      .selectFrom('holidays')
      .select([sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'), 'name', 'kind'])
      .$if(year !== null, (q) => q.where(sql`extract(year FROM date)`, '=', year))
      .orderBy('holidays.date')
      .execute();
    return rows as HolidayRow[];
  }

  /** Adds or corrects the given days; days already in the table and not listed stay (it is editable). */
  async upsertAll(holidays: HolidaySeed[]): Promise<number> {
    const rows = await this.db
      .insertInto('holidays')
      .columns(['date', 'name', 'kind'])
      .expression(
        sql`SELECT * FROM unnest(${holidays.map((h) => h.date)}::date[], ${holidays.map((h) => h.name)}::text[],
          ${holidays.map((h) => h.kind)}::text[])`,
      )
      .onConflict((oc) =>
        oc
          .column('date')
          .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), kind: eb.ref('excluded.kind') }))
          .where(
            sql<boolean>`(holidays.name, holidays.kind) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind)`,
          ),
      )
      .returning('date')
      .execute();
    return rows.length;
  }

  private get db() {
    return kyselyOf<DB>(this.dataSource.manager);
  }
}
