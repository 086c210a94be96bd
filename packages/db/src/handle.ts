import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A function that works inside or outside a transaction takes this. */
export type Executor = Database | Transaction;

export interface DbHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Apply the committed drizzle-kit migrations (or another folder's: a test stopping midway). */
  migrate(options?: { migrationsFolder?: string }): Promise<void>;
  /** Raw rows of a query, the same shape on both drivers. */
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** A plain parameterised query (`$1`…), for libraries that speak node-postgres' `query`. */
  query(text: string, values: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** LISTEN on a channel (NOTIFY is sent with `select pg_notify(…)` in a transaction). */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
