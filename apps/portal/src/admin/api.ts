import type { ImportResult, ProcedureView } from '@dvc/contracts';
import { api } from '../api/http';

export const adminApi = {
  create: (procedure: Record<string, unknown>) =>
    api<ProcedureView>('POST', '/admin/procedures', procedure),
  update: (code: string, procedure: Record<string, unknown>) =>
    api<ProcedureView>('PUT', `/admin/procedures/${encodeURIComponent(code)}`, procedure),
  import: (procedures: unknown[]) =>
    api<ImportResult>('POST', '/admin/procedures/import', { procedures }),
};
