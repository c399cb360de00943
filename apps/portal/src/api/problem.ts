import type { FieldError, ProblemShape } from '@dvc/contracts';
import { errorEntry } from '@dvc/contracts/errors/error-catalogue';
import { placeholdersOf, renderMessage } from '@dvc/contracts/errors/error-entry';

/**
 * An error answer of the API (application/problem+json, docs/design.md §5) as the portal uses it:
 * the Vietnamese `detail` to show, and `errors[]` to put beside the fields they name.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | null;
  readonly errors: FieldError[];
  /** Seconds (429, 423 answers). */
  readonly retryAfter: number | null;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Partial<ProblemShape> & Record<string, unknown>) {
    const detail = typeof body.detail === 'string' ? body.detail : null;
    const title = typeof body.title === 'string' ? body.title : `HTTP ${status}`;
    super(detail ?? title);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = typeof body.code === 'string' ? body.code : `http.${status}`;
    this.title = title;
    this.detail = detail;
    this.errors = Array.isArray(body.errors)
      ? body.errors.filter(
          (e): e is FieldError =>
            typeof e === 'object' &&
            e !== null &&
            typeof (e as FieldError).field === 'string' &&
            typeof (e as FieldError).message === 'string',
        )
      : [];
    this.retryAfter = typeof body.retryAfter === 'number' ? body.retryAfter : null;
    this.body = body;
  }

  /**
   * What went wrong in the person's language: the error catalogue's wording of the problem's
   * stable code (with the values the problem carries), else the server's own detail. The
   * language may have changed since the answer came, and not every path words it (a proxy).
   */
  detailIn(language: string): string | null {
    const entry = errorEntry(this.code);
    const params = paramsOf(this.body.params);
    const lang = language === 'en' ? 'en' : 'vi';
    if (entry && placeholdersOf(entry[lang]).every((name) => name in params)) {
      return renderMessage(entry, lang, params);
    }
    return this.detail;
  }
}

function paramsOf(value: unknown): Record<string, string | number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
}

/** Reads a failed answer: a problem document when the API sent one, else a generic problem. */
export function problemFromBody(status: number, text: string): ApiProblem {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      return new ApiProblem(status, body as Record<string, unknown>);
    }
  } catch {
    // not JSON: a proxy's HTML page or an empty body
  }
  return new ApiProblem(status, {});
}

/**
 * The path of the field an API error names. Three spellings reach the portal:
 * JSON pointers from the online form (`/nguoiKhai/hoTen`, `~1` and `~0` escaped),
 * dotted class-validator paths (`deliveryAddress.phone`) and slash paths of dossier parts
 * (`components/ban-sao-gplx`). Array indexes become numbers.
 */
export function fieldPath(field: string): (string | number)[] {
  const pointer = field.startsWith('/');
  const raw = pointer ? field.slice(1).split('/') : field.split(field.includes('/') ? '/' : '.');
  return raw
    .filter((segment) => segment !== '')
    .map((segment) => (pointer ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

/** rjsf's ErrorSchema: `{ hoTen: { __errors: ['…'] } }`. */
export interface ErrorTree {
  __errors?: string[];
  [child: string]: ErrorTree | string[] | undefined;
}

/**
 * The form-data errors of a problem as rjsf's `extraErrors`: each JSON pointer becomes the
 * nested key path of its field; an error about the whole form (pointer `` or `/`) stays at the root.
 * Only pointers are form fields: other spellings (components, delivery) are not the form's.
 */
export function formErrorTree(errors: FieldError[]): ErrorTree {
  const root: ErrorTree = {};
  for (const error of errors) {
    if (error.field !== '' && !error.field.startsWith('/')) continue;
    let node = root;
    for (const segment of fieldPath(error.field)) {
      const key = String(segment);
      const next = node[key];
      if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
        node = next;
      } else {
        const created: ErrorTree = {};
        node[key] = created;
        node = created;
      }
    }
    node.__errors = [...(node.__errors ?? []), error.message];
  }
  return root;
}

/** Errors about the dossier's components (`components/<componentId>`), by component id. */
export function componentErrors(errors: FieldError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const path = fieldPath(error.field);
    if (error.field.startsWith('/') || path[0] !== 'components' || path.length < 2) continue;
    const id = String(path[1]);
    out[id] = [...(out[id] ?? []), error.message];
  }
  return out;
}

/**
 * Errors for an Ant Design form (`form.setFields`): only those naming one of `known` fields
 * (by their first path segment); the rest are returned apart, to show above the form.
 */
export function antdFieldErrors(
  errors: FieldError[],
  known: readonly string[],
): {
  fields: { name: (string | number)[]; errors: string[] }[];
  other: FieldError[];
} {
  const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const other: FieldError[] = [];
  for (const error of errors) {
    const name = fieldPath(error.field);
    if (name.length === 0 || !known.includes(String(name[0]))) {
      other.push(error);
      continue;
    }
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(error.message);
    byName.set(key, entry);
  }
  return { fields: [...byName.values()], other };
}
