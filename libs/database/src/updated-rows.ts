/**
 * The rows of an `UPDATE … RETURNING` run through TypeORM's `query()`: for UPDATE and
 * DELETE the Postgres driver answers `[rows, affectedCount]` instead of the rows alone.
 */
export function updatedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
