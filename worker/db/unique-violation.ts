/**
 * SQLite's UNIQUE failure, however deep drizzle and the client wrapped it. A
 * unique index is how the app decides races the reads before a write cannot
 * (two applications, two grants, one USCC); the service turns it into the same
 * 409 its check would have given. `column` (e.g. "uscc" or
 * "loan_applications.product_id") narrows it to one index; without it, any.
 */
export function isUniqueViolation(e: unknown, column?: string): boolean {
  for (let err: unknown = e; err instanceof Error; err = err.cause) {
    if (/UNIQUE constraint failed/i.test(err.message) && (column === undefined || err.message.includes(column)))
      return true;
  }
  return false;
}
