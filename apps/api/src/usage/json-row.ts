/**
 * For statements that answer one row of JSON built in SQL (an aggregate parsed once by the
 * driver instead of a row object per value): the first row, whichever driver ran it
 * (postgres.js answers a row list, PGlite `{ rows }`).
 */
export const firstRow = <T>(result: unknown): T | undefined =>
  (Array.isArray(result) ? result[0] : (result as { rows: unknown[] }).rows[0]) as T | undefined;

/** A json column: parsed by the driver, or text where it is not. */
export const parsedJson = <T>(value: unknown): T =>
  (typeof value === "string" ? JSON.parse(value) : value) as T;

/** Every row of a raw statement, whichever driver ran it. */
export const allRows = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
