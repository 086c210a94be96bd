import { createDb, createFreshDatabase, type DbHandle } from "@tessera/db";

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new
 * database on the PostgreSQL server named by DATABASE_URL (dropped again on close).
 */
export const openTestDatabase = async (): Promise<DbHandle & { url?: string }> => {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await createDb();
    await handle.migrate();
    return handle;
  }
  const fresh = await createFreshDatabase(serverUrl, "tessera_test");
  const handle = await createDb({ url: fresh.url });
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
