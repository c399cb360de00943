import type { ErrorObject } from 'ajv';
import { NOT_AFTER_TODAY, isCalendarDate, notAfterToday } from '@dvc/forms';

/**
 * The online form's JSON Schema checked in the browser without ajv: ajv compiles schemas
 * with `new Function`, which the portal's Content-Security-Policy (no 'unsafe-eval') forbids.
 * It covers the keywords the catalogue's forms use (type, required, properties,
 * additionalProperties, enum, const, pattern, min/maxLength, minimum/maximum, items, formats
 * date/date-time/time/email/uri/uuid, and the forms' own notAfterToday from @dvc/forms) and
 * reports them exactly as ajv does, so the dossier
 * service's own messages (@dvc/forms) word them. Anything else is left to the server,
 * which validates again with ajv on every save: the server has the last word.
 */
export type SchemaNode = Record<string, unknown>;
export type CheckMode = 'draft' | 'final';

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

// The regular expressions of ajv-formats ("full" mode, what the dossier service uses).
const FORMATS: Record<string, (value: string) => boolean> = {
  date: isCalendarDate,
  time: (value) =>
    /^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i.test(value),
  'date-time': (value) => {
    const [date, time] = value.split(/t|\s/i);
    return time !== undefined && FORMATS.date(date) && FORMATS.time(time);
  },
  email: (value) =>
    /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(
      value,
    ),
  uri: (value) => /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i.test(value) && !/\s/.test(value),
  uuid: (value) => /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(value),
};

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointer(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Like ajv, string lengths count Unicode code points (an emoji is one character). */
const lengthOf = (value: string) => [...value].length;

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The errors of `data` against `schema`, shaped like ajv's (`allErrors: true`, `verbose: true`). */
export function checkForm(schema: SchemaNode, data: unknown, mode: CheckMode): ErrorObject[] {
  const errors: ErrorObject[] = [];
  visit(schema, data, '', '#', mode, errors);
  return errors;
}

function push(
  errors: ErrorObject[],
  keyword: string,
  instancePath: string,
  schemaPath: string,
  params: Record<string, unknown>,
  parentSchema: SchemaNode,
  data?: unknown,
): void {
  errors.push({
    keyword,
    instancePath,
    schemaPath: `${schemaPath}/${keyword}`,
    params,
    parentSchema,
    data,
  } as ErrorObject);
}

function visit(
  schema: SchemaNode,
  data: unknown,
  path: string,
  schemaPath: string,
  mode: CheckMode,
  errors: ErrorObject[],
): void {
  const types =
    schema.type === undefined
      ? []
      : Array.isArray(schema.type)
        ? (schema.type as string[])
        : [schema.type as string];
  if (types.length > 0 && !types.some((t) => matchesType(data, t)))
    push(errors, 'type', path, schemaPath, { type: types.join(',') }, schema);
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => deepEqual(v, data))) {
    push(errors, 'enum', path, schemaPath, { allowedValues: schema.enum }, schema);
  }
  if ('const' in schema && !deepEqual(schema.const, data)) {
    push(errors, 'const', path, schemaPath, { allowedValue: schema.const }, schema);
  }
  // Like ajv, a wrong type does not stop the rest: each keyword applies to the data's own type.
  if (typeof data === 'string') checkString(schema, data, path, schemaPath, errors);
  if (typeof data === 'number') checkNumber(schema, data, path, schemaPath, errors);
  if (isObject(data)) checkObject(schema, data, path, schemaPath, mode, errors);
  if (Array.isArray(data)) checkArray(schema, data, path, schemaPath, mode, errors);
}

function checkString(
  schema: SchemaNode,
  data: string,
  path: string,
  schemaPath: string,
  errors: ErrorObject[],
): void {
  if (typeof schema.maxLength === 'number' && lengthOf(data) > schema.maxLength) {
    push(errors, 'maxLength', path, schemaPath, { limit: schema.maxLength }, schema);
  }
  if (typeof schema.minLength === 'number' && lengthOf(data) < schema.minLength) {
    push(errors, 'minLength', path, schemaPath, { limit: schema.minLength }, schema);
  }
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(data)) {
    push(errors, 'pattern', path, schemaPath, { pattern: schema.pattern }, schema);
  }
  if (typeof schema.format === 'string') {
    const check = FORMATS[schema.format];
    if (check && !check(data))
      push(errors, 'format', path, schemaPath, { format: schema.format }, schema, data);
  }
  if (schema[NOT_AFTER_TODAY] === true && !notAfterToday(data)) {
    push(errors, NOT_AFTER_TODAY, path, schemaPath, {}, schema, data);
  }
}

function checkNumber(
  schema: SchemaNode,
  data: number,
  path: string,
  schemaPath: string,
  errors: ErrorObject[],
): void {
  const limits: [string, string, (limit: number) => boolean][] = [
    ['maximum', '<=', (l) => data <= l],
    ['minimum', '>=', (l) => data >= l],
    ['exclusiveMaximum', '<', (l) => data < l],
    ['exclusiveMinimum', '>', (l) => data > l],
  ];
  for (const [keyword, comparison, ok] of limits) {
    const limit = schema[keyword];
    if (typeof limit === 'number' && !ok(limit)) {
      push(errors, keyword, path, schemaPath, { comparison, limit }, schema);
    }
  }
  if (typeof schema.multipleOf === 'number' && !Number.isInteger(data / schema.multipleOf)) {
    push(errors, 'multipleOf', path, schemaPath, { multipleOf: schema.multipleOf }, schema);
  }
}

function checkObject(
  schema: SchemaNode,
  data: Record<string, unknown>,
  path: string,
  schemaPath: string,
  mode: CheckMode,
  errors: ErrorObject[],
): void {
  const properties = isObject(schema.properties)
    ? (schema.properties as Record<string, SchemaNode>)
    : {};
  if (mode === 'final' && Array.isArray(schema.required)) {
    for (const name of schema.required as string[]) {
      if (data[name] === undefined) {
        push(errors, 'required', path, schemaPath, { missingProperty: name }, schema);
      }
    }
  }
  if (schema.additionalProperties === false) {
    for (const name of Object.keys(data)) {
      if (!(name in properties)) {
        push(
          errors,
          'additionalProperties',
          path,
          schemaPath,
          { additionalProperty: name },
          schema,
        );
      }
    }
  }
  for (const [name, child] of Object.entries(properties)) {
    if (data[name] === undefined || !isObject(child)) continue;
    visit(
      child,
      data[name],
      `${path}/${escapePointer(name)}`,
      `${schemaPath}/properties/${escapePointer(name)}`,
      mode,
      errors,
    );
  }
  if (isObject(schema.additionalProperties)) {
    for (const [name, value] of Object.entries(data)) {
      if (name in properties) continue;
      visit(
        schema.additionalProperties as SchemaNode,
        value,
        `${path}/${escapePointer(name)}`,
        `${schemaPath}/additionalProperties`,
        mode,
        errors,
      );
    }
  }
}

function checkArray(
  schema: SchemaNode,
  data: unknown[],
  path: string,
  schemaPath: string,
  mode: CheckMode,
  errors: ErrorObject[],
): void {
  if (typeof schema.maxItems === 'number' && data.length > schema.maxItems) {
    push(errors, 'maxItems', path, schemaPath, { limit: schema.maxItems }, schema);
  }
  if (typeof schema.minItems === 'number' && data.length < schema.minItems) {
    push(errors, 'minItems', path, schemaPath, { limit: schema.minItems }, schema);
  }
  if (schema.uniqueItems === true) {
    const seen = data.map((item) => JSON.stringify(item));
    const j = seen.findIndex((item, index) => seen.indexOf(item) !== index);
    if (j !== -1)
      push(errors, 'uniqueItems', path, schemaPath, { i: seen.indexOf(seen[j]), j }, schema);
  }
  if (isObject(schema.items)) {
    data.forEach((item, index) =>
      visit(
        schema.items as SchemaNode,
        item,
        `${path}/${index}`,
        `${schemaPath}/items`,
        mode,
        errors,
      ),
    );
  }
}
