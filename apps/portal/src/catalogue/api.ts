import { useQuery } from '@tanstack/react-query';
import { body, client, type ApiQuery } from '../api/client';
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

export type ProcedureFilter = ApiQuery<'/api/v1/procedures'>;

export const catalogueApi = {
  search: (filter: ProcedureFilter) =>
    body(client.GET('/api/v1/procedures', { params: { query: filter }, cache: freshness() })),
  procedure: (code: string) =>
    body(
      client.GET('/api/v1/procedures/{code}', { params: { path: { code } }, cache: freshness() }),
    ),
  fields: () => body(client.GET('/api/v1/fields', { cache: freshness() })),
  agencies: () => body(client.GET('/api/v1/agencies', { cache: freshness() })),
  holidays: (year?: number) =>
    body(client.GET('/api/v1/holidays', { params: { query: { year } }, cache: freshness() })),
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
