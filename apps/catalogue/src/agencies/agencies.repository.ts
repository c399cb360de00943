import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgencySeed } from '../seed/seed.types';
import { AgencyRow } from './agencies.dto';

@Injectable()
export class AgenciesRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<AgencyRow[]> {
    return this.dataSource.query(
      `SELECT code, name, level, parent_code FROM agencies ORDER BY code`,
    );
  }

  /** The given codes that exist. */
  async existing(codes: string[]): Promise<Set<string>> {
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM agencies WHERE code = ANY($1)`,
      [codes],
    );
    return new Set(rows.map((r) => r.code));
  }

  /**
   * Inserts or updates in one statement (so a parent may come after its child in the
   * list); returns the codes whose row was created or changed.
   */
  async upsertAll(agencies: AgencySeed[]): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      `INSERT INTO agencies (code, name, level, parent_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (code) DO UPDATE
          SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, updated_at = now()
        WHERE (agencies.name, agencies.level, agencies.parent_code)
              IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code)
       RETURNING code`,
      [
        agencies.map((a) => a.code),
        agencies.map((a) => a.name),
        agencies.map((a) => a.level),
        agencies.map((a) => a.parentCode ?? null),
      ],
    );
    return rows.map((r) => r.code);
  }
}
