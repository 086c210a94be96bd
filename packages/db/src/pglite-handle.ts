import { mkdirSync } from "node:fs";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database, DbHandle } from "./handle.ts";
import { migrationsFolder, migrationsUpToDate } from "./migrations.ts";
import { openPglite, preparedClient } from "./pglite-client.ts";
import * as schema from "./schema/index.ts";

/** The embedded database: in memory, or in `dataDir` when given. */
export const openPgliteHandle = async (dataDir: string | undefined): Promise<DbHandle> => {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await openPglite(dataDir);
  // Queries run as prepared statements; migrations and LISTEN keep PGlite's own client.
  const prepared = preparedClient(client);
  const pgliteDb = drizzlePglite({ client: prepared, schema, casing: "snake_case" });
  const db: Database = pgliteDb;
  return {
    db,
    kind: "pglite",
    migrate: async (options) => {
      const upToDate = async () =>
        migrationsUpToDate(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
      if (!options && (await upToDate())) return;
      await migratePglite(drizzlePglite({ client, casing: "snake_case" }), {
        migrationsFolder: options?.migrationsFolder ?? migrationsFolder(),
      });
    },
    rows: async <T extends Record<string, unknown>>(query: SQL) =>
      (await pgliteDb.execute<T>(query)).rows as T[],
    query: async (text, values) => ({
      rows: (await prepared.query<Record<string, unknown>>(text, values)).rows,
    }),
    listen: async (channel, onMessage) => {
      const unlisten = await client.listen(channel, onMessage);
      return () => unlisten();
    },
    close: () => client.close(),
  };
};
