import type { AgencyView } from '@dvc/contracts';

export interface AgencyRow {
  code: string;
  name: string;
  level: AgencyView['level'];
  parent_code: string | null;
}

export function mapAgencyView(row: AgencyRow): AgencyView {
  return { code: row.code, name: row.name, level: row.level, parentCode: row.parent_code };
}
