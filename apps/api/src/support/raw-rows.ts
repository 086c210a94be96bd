/**
 * The first row of `tx.execute(sql…)`: postgres.js answers an array of rows, PGlite an object
 * holding `rows`. The caller declares the row's shape (drizzle cannot check hand-written SQL).
 */
export const firstRow = <T>(result: unknown): T | undefined => {
  const rows = Array.isArray(result) ? result : (result as { rows?: unknown[] }).rows;
  return rows?.[0] as T | undefined;
};
