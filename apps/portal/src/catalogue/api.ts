import { useQuery } from '@tanstack/react-query';
import type {
  AgencyView,
  FieldView,
  HolidayView,
  Page,
  ProcedureSummary,
  ProcedureView,
} from '@dvc/contracts';
import { api, query } from '../api/http';
import { session } from '../auth/session';

/**
 * The public catalogue answers may be cached for a minute by the browser; an administrator,
 * who has just edited it, always asks again (revalidates).
 */
function freshness(): RequestCache | undefined {
  const state = session.snapshot;
  return state.status === 'authenticated' && state.user.roles.includes('admin')
    ? 'no-cache'
    : undefined;
}

const read = <T>(path: string) => api<T>('GET', path, undefined, {}, freshness());

export interface ProcedureFilter {
  q?: string;
  field?: string;
  agency?: string;
  level?: number;
  page?: number;
  pageSize?: number;
}

export const catalogueApi = {
  search: (filter: ProcedureFilter) =>
    read<Page<ProcedureSummary>>(`/procedures${query({ ...filter })}`),
  procedure: (code: string) => read<ProcedureView>(`/procedures/${encodeURIComponent(code)}`),
  fields: () => read<FieldView[]>('/fields'),
  agencies: () => read<AgencyView[]>('/agencies'),
  holidays: (year?: number) => read<HolidayView[]>(`/holidays${query({ year })}`),
};

/** The catalogue changes rarely: keep lists for a while. */
export const CATALOGUE_STALE_MS = 5 * 60_000;

/** A procedure's full record, cached for CATALOGUE_STALE_MS; waits while `code` is unknown. */
export function useProcedure(code: string | undefined) {
  return useQuery({
    queryKey: ['procedure', code],
    queryFn: () => catalogueApi.procedure(code!),
    enabled: code !== undefined,
    staleTime: CATALOGUE_STALE_MS,
  });
}
