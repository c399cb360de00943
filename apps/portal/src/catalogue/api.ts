import type { AgencyView, FieldView, HolidayView, Page, ProcedureSummary, ProcedureView } from '@dvc/contracts';
import { api, query } from '../api/http';

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
    api<Page<ProcedureSummary>>('GET', `/procedures${query({ ...filter })}`),
  procedure: (code: string) => api<ProcedureView>('GET', `/procedures/${encodeURIComponent(code)}`),
  fields: () => api<FieldView[]>('GET', '/fields'),
  agencies: () => api<AgencyView[]>('GET', '/agencies'),
  holidays: (year?: number) => api<HolidayView[]>('GET', `/holidays${query({ year })}`),
};

/** The catalogue changes rarely: keep lists for a while. */
export const CATALOGUE_STALE_MS = 5 * 60_000;
