import type { FieldView } from '@dvc/contracts';

export interface FieldRow {
  code: string;
  name: string;
}

export function mapFieldView(row: FieldRow): FieldView {
  return { code: row.code, name: row.name };
}
