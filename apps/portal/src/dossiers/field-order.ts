/**
 * The fields in a sensible order: the catalogue keeps schemas in Postgres jsonb, which does not
 * keep the order of `properties` (it sorts keys by length). `required` is an array, so its
 * order survives: the required fields come first as the author listed them, then the rest.
 */
export function fieldOrder(schema: Record<string, unknown>): string[] {
  const properties = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  const required = Array.isArray(schema.required)
    ? (schema.required as unknown[]).filter(
        (name): name is string => typeof name === 'string' && properties.includes(name),
      )
    : [];
  return [...required, ...properties.filter((name) => !required.includes(name))];
}
