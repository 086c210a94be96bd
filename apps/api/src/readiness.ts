import { expectedMigrationCount } from "@tessera/db";
import { sql } from "drizzle-orm";
import type { AppDeps } from "./context.ts";

/** Database reachable and every shipped migration applied. */
export const readiness = async (deps: AppDeps): Promise<{ ready: boolean; reason?: string }> => {
  try {
    const [row] = await deps.dbHandle.rows<{ applied: number }>(
      sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
    );
    const expected = expectedMigrationCount();
    if ((row?.applied ?? 0) < expected) {
      return { ready: false, reason: `migrations applied ${row?.applied ?? 0} of ${expected}` };
    }
    return { ready: true };
  } catch {
    return { ready: false, reason: "database unreachable" };
  }
};
