import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

/**
 * The first row of `tx.execute(sql…)`: postgres.js answers an array of rows, PGlite an object
 * holding `rows`. The caller declares the row's shape (drizzle cannot check hand-written SQL).
 */
export const firstRow = <T>(result: unknown): T | undefined => {
  const rows = Array.isArray(result) ? result : (result as { rows?: unknown[] }).rows;
  return rows?.[0] as T | undefined;
};

const dialect = new PgDialect({ casing: "snake_case" });

/**
 * A fragment without parameters (table and column names, fixed conditions), rendered to its
 * text once: the hot statements of ticket creation then do not walk it again on every call.
 */
export const renderedOnce = (fragment: SQL): SQL => {
  const { sql: text, params } = dialect.sqlToQuery(fragment);
  if (params.length > 0) throw new Error("renderedOnce takes a fragment without parameters");
  return sql.raw(text);
};

/** Every row of a raw statement, whichever driver ran it. */
export const allRows = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/** A json column: parsed by the driver, or text where it is not. */
export const parsedJson = <T>(value: unknown): T =>
  (typeof value === "string" ? JSON.parse(value) : value) as T;
