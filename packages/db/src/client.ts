import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Database, DbHandle } from "./handle.ts";
import { migrationsFolder, migrationsUpToDate } from "./migrations.ts";
import * as schema from "./schema/index.ts";

export type { Database, DbHandle, Executor, Schema, Transaction } from "./handle.ts";

interface CreateDbOptions {
  /** postgres:// URL; without it the embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite data folder; without it PGlite lives in memory. */
  dataDir?: string | undefined;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** Seconds to wait for a connection before failing (postgres.js' default is 30). */
  connectTimeoutSeconds?: number;
  /**
   * A direct PostgreSQL URL for what must not cross a transaction pooler: migrations and
   * LISTEN (a session-long subscription). Unset: both use `url`.
   */
  directUrl?: string | undefined;
  /**
   * Named prepared statements (postgres.js' default). A transaction pooler such as PgBouncer
   * 1.18 hands each transaction a different server connection, where the name is unknown:
   * pass false there, and every query is sent as an unnamed statement, one at a time.
   */
  prepare?: boolean;
}

/** postgres.js options shared by the pool and the direct client. */
const clientOptions = (options: CreateDbOptions, max: number) => ({
  onnotice: () => {},
  max,
  connect_timeout: options.connectTimeoutSeconds ?? 5,
  prepare: options.prepare ?? true,
  // Behind a transaction pooler, no pipelining: the pooler hands the server back at each
  // ReadyForQuery, and a query already sent behind it was left with no server, unanswered
  // (PgBouncer logs "not linked"). postgres.js is patched so sql.begin() still reserves its
  // connection with no pipeline, and, with one, sends BEGIN with the transaction's first
  // statement (patches/postgres@3.4.9.patch).
  max_pipeline: options.prepare === false ? 0 : 100,
  // postgres.js waits up to 20 s (growing) before reconnecting, and queued queries wait
  // with it; while the database is down, a request should fail at once and the next one
  // try again.
  backoff: () => 0.05,
});

export const createDb = async (options: CreateDbOptions = {}): Promise<DbHandle> => {
  if (options.url) {
    // A database that is down fails requests within seconds rather than holding them for 30.
    const client = postgres(options.url, clientOptions(options, options.maxConnections ?? 10));
    // Behind a pooler, LISTEN and migrations take one connection of their own, straight to
    // PostgreSQL: a LISTEN through PgBouncer's transaction mode would lose its notifications.
    const direct = options.directUrl ? postgres(options.directUrl, clientOptions(options, 1)) : client;
    const postgresDb = drizzlePostgres({ client, schema, casing: "snake_case" });
    const db: Database = postgresDb;
    return {
      db,
      kind: "postgres",
      migrate: async (options) => {
        if (!options && (await migrationsUpToDate(async (text) => [...(await direct.unsafe(text))]))) return;
        await migratePostgres(drizzlePostgres({ client: direct, casing: "snake_case" }), {
          migrationsFolder: options?.migrationsFolder ?? migrationsFolder(),
        });
      },
      // Raw SQL rows are the caller's declared shape: drizzle cannot check a hand-written query.
      rows: async <T extends Record<string, unknown>>(query: SQL) =>
        [...(await postgresDb.execute<T>(query))] as T[],
      query: async (text, values) => ({
        rows: [...(await client.unsafe(text, values as never[]))] as Record<string, unknown>[],
      }),
      listen: async (channel, onMessage) => {
        const { unlisten } = await direct.listen(channel, onMessage);
        return unlisten;
      },
      close: async () => {
        await client.end({ timeout: 5 });
        if (direct !== client) await direct.end({ timeout: 5 });
      },
    };
  }
  // PGlite and its driver load only when they are the database: a PostgreSQL instance never
  // pays for them.
  const { openPgliteHandle } = await import("./pglite-handle.ts");
  return openPgliteHandle(options.dataDir);
};
