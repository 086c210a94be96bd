import { fillPlaceholders, Param, SQL, StringChunk, sql } from "drizzle-orm";
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

/**
 * A statement rendered to its text once, with `sql.placeholder(name)` where each call's values
 * go: a hot statement then costs its values, not a walk of its whole tree (drizzle renders
 * every fragment, table and column again on each call). The values are sent as parameters.
 */
export const renderedWithPlaceholders = <Name extends string>(statement: SQL) => {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  const pieces = text.split(/\$\d+/).map((piece) => new StringChunk(piece));
  if (pieces.length !== params.length + 1) throw new Error("a statement's text holds a stray '$<digit>'");
  return (values: Record<Name, unknown>): SQL => {
    const chunks: (StringChunk | Param)[] = [pieces[0] as StringChunk];
    fillPlaceholders(params, values).forEach((value, index) => {
      chunks.push(new Param(value), pieces[index + 1] as StringChunk);
    });
    return new SQL(chunks);
  };
};

/** A list of the code's own constants (enum values, never input) as SQL literals: `'A', 'B'`. */
export const literalList = (values: readonly string[]): SQL => {
  if (values.some((value) => !/^[A-Za-z_]+$/.test(value))) throw new Error("literalList takes names only");
  return sql.raw(values.map((value) => `'${value}'`).join(", "));
};

/** Every row of a raw statement, whichever driver ran it. */
export const allRows = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/** A json column: parsed by the driver, or text where it is not. */
export const parsedJson = <T>(value: unknown): T =>
  (typeof value === "string" ? JSON.parse(value) : value) as T;
