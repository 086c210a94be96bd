import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The folder of committed migrations, found through the package so it works bundled too. */
export const migrationsFolder = (): string =>
  join(dirname(createRequire(import.meta.url).resolve("@tessera/db/package.json")), "drizzle");

const journalEntries = (): { when: number }[] =>
  (
    JSON.parse(readFileSync(join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as {
      entries: { when: number }[];
    }
  ).entries;

/** How many migrations the code ships; `/readyz` compares it with what the database applied. */
export const expectedMigrationCount = (): number => journalEntries().length;

/**
 * Whether the database already has every shipped migration, by drizzle's own rule (a
 * migration is pending when its journal time is after the newest applied `created_at`).
 * A start on an up-to-date database then skips drizzle's migrator, which reads and hashes
 * every migration file and opens a transaction only to find nothing to do. Any doubt (no
 * migrations table yet, a failed read) answers false, and the migrator decides.
 */
export const migrationsUpToDate = async (
  query: (text: string) => Promise<Record<string, unknown>[]>,
): Promise<boolean> => {
  const newestShipped = Math.max(0, ...journalEntries().map((entry) => entry.when));
  try {
    const [newest] = await query(
      "select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1",
    );
    return newest !== undefined && Number(newest.created_at) >= newestShipped;
  } catch {
    return false;
  }
};
