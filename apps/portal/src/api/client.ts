import createClient from 'openapi-fetch';
import { sessionFetch } from './http';
import { ApiProblem } from './problem';
import type { components, paths } from './schema';

/** The request schemas of the public API (its DTOs), by name. */
export type ApiSchemas = components['schemas'];

/** The query parameters a GET route of the API accepts. */
export type ApiQuery<P extends keyof paths> = paths[P] extends {
  get: { parameters: { query?: infer Q } };
}
  ? NonNullable<Q>
  : never;

/**
 * The portal's client of the public API: paths, parameters and request bodies typed from the
 * gateway's OpenAPI document (schema.d.ts, `npm run api:generate`), with the session's token.
 */
export const client = createClient<paths>({
  // Same origin as the page (the gateway serves both); absolute, as Request needs outside a page.
  baseUrl: window.location.origin,
  fetch: sessionFetch,
  // Empty filters stay out of the address, as the API reads `q=` as a search for nothing.
  querySerializer: (params: Record<string, unknown>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
    }
    return search.toString();
  },
});

interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful answer; an error answer becomes ApiProblem. Answer bodies are typed
 * by the caller until the document describes them (the views are interfaces, not schemas).
 */
export async function body<T>(call: Promise<Answer>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = typeof error === 'object' && error !== null && !Array.isArray(error);
    throw new ApiProblem(response.status, problem ? (error as Record<string, unknown>) : {});
  }
  return data as T;
}
