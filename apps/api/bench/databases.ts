import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, createFreshDatabase, type DbHandle } from "@tessera/db";

/**
 * Run a measurement on a fresh PGlite database, then (when DATABASE_URL is set) on a fresh
 * database of that PostgreSQL server, which is dropped afterwards.
 */
export const onEachDatabase = async <T>(
  name: string,
  measure: (label: "PGlite" | "PostgreSQL", handle: DbHandle) => Promise<T>,
): Promise<T[]> => {
  const results: T[] = [];
  const pglite = await createDb({ dataDir: mkdtempSync(join(tmpdir(), `tessera-bench-${name}-`)) });
  try {
    results.push(await measure("PGlite", pglite));
  } finally {
    await pglite.close();
  }
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const fresh = await createFreshDatabase(serverUrl, `tessera_bench_${name}`);
    const handle = await createDb({ url: fresh.url });
    try {
      results.push(await measure("PostgreSQL", handle));
    } finally {
      await handle.close();
      await fresh.drop();
    }
  }
  return results;
};
