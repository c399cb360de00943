import createClient from 'openapi-fetch';
import { sessionFetch } from './http';
import { ApiProblem } from './problem';
import type { components, paths } from './schema';

/** The schemas of the public API (its request DTOs and answer views), by name. */
export type ApiSchemas = components['schemas'];

/** The query parameters a GET route of the API accepts. */
export type ApiQuery<P extends keyof paths> = paths[P] extends {
  get: { parameters: { query?: infer Q } };
}
  ? NonNullable<Q>
  : never;

/**
 * The JSON answer of a POST route, for the calls openapi-fetch does not make (uploads with
 * progress, multipart, the session's refresh): typed from the document all the same.
 */
export type PostAnswer<P extends keyof paths> = paths[P] extends {
  post: { responses: infer R };
}
  ? {
      [S in keyof R]: S extends 200 | 201 | 202
        ? R[S] extends { content: { 'application/json': infer B } }
          ? B
          : never
        : never;
    }[keyof R]
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

/** What openapi-fetch answers: `data` is typed from the route's success response in the document. */
interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful answer, typed from the OpenAPI document (no content: undefined);
 * an error answer becomes ApiProblem.
 */
export async function body<D>(
  call: Promise<Answer<D>>,
): Promise<[D] extends [never] ? undefined : D> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = typeof error === 'object' && error !== null && !Array.isArray(error);
    throw new ApiProblem(response.status, problem ? (error as Record<string, unknown>) : {});
  }
  return data as [D] extends [never] ? undefined : D;
}
