import { createDb, createFreshDatabase, type DbHandle } from "@tessera/db";

/**
 * How a test reaches its database on PostgreSQL: directly, or (TEST_PGBOUNCER_URL, a
 * PgBouncer in transaction mode in front of DATABASE_URL's server) through the pooler with
 * unnamed statements, the direct URL kept for migrations and LISTEN, as production's
 * DATABASE_POOLER=pgbouncer does.
 */
export const testConnection = (directUrl: string, poolerUrl = process.env.TEST_PGBOUNCER_URL) => {
  if (!poolerUrl) return { url: directUrl };
  const pooled = new URL(directUrl);
  const pooler = new URL(poolerUrl);
  pooled.hostname = pooler.hostname;
  pooled.port = pooler.port;
  return { url: pooled.toString(), directUrl, prepare: false };
};

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new
 * database on the PostgreSQL server named by DATABASE_URL (dropped again on close). `url` is
 * the direct URL; open another handle on it with `createDb(testConnection(url))`.
 */
export const openTestDatabase = async (): Promise<DbHandle & { url?: string }> => {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await createDb();
    await handle.migrate();
    return handle;
  }
  const fresh = await createFreshDatabase(serverUrl, "tessera_test");
  const handle = await createDb(testConnection(fresh.url));
  await handle.migrate();
  return {
    ...handle,
    url: fresh.url,
    close: async () => {
      await handle.close();
      await fresh.drop();
    },
  };
};
