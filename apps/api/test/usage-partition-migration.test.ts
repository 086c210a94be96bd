import { createDb, createFreshDatabase, type DbHandle } from "@tessera/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateBeforePartitioning, seedEventsAcrossMonths } from "../bench/usage-partitioning.ts";

/** Migration 0020 on a database with events in several months: nothing lost, doubled or re-keyed. */
const openEmpty = async (): Promise<DbHandle> => {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return createDb();
  const fresh = await createFreshDatabase(serverUrl, "tessera_test");
  const handle = await createDb({ url: fresh.url });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await fresh.drop();
    },
  };
};

/** Count and sum of values per UTC month × organisation, and the distinct (org, key) pairs. */
const tally = (handle: DbHandle) =>
  handle.rows<{ month: string; org: string; n: number; total: string }>(sql`
    select to_char(occurred_at at time zone 'UTC', 'YYYY-MM') as month, organization_id::text as org,
           count(*)::int as n, sum(value)::text as total
    from usage_events group by 1, 2 order by 1, 2`);

describe("migration 0020: usage_events partitioned by month", () => {
  it("moves every event into its month's partition and keys each (organisation, key) once", async () => {
    const handle = await openEmpty();
    try {
      await migrateBeforePartitioning(handle);
      await seedEventsAcrossMonths(handle, { total: 3000, months: 6, organizations: 4, end: new Date() });
      const before = await tally(handle);
      expect(new Set(before.map((row) => row.month)).size).toBeGreaterThanOrEqual(6);

      await handle.migrate();

      expect(await tally(handle)).toEqual(before);
      const [check] = await handle.rows<{
        events: number;
        keys: number;
        matched: number;
        misplaced: number;
      }>(sql`
        select (select count(*)::int from usage_events) as events,
               (select count(*)::int from usage_event_keys) as keys,
               (select count(*)::int from usage_events e join usage_event_keys k
                  on k.organization_id = e.organization_id and k.idempotency_key = e.idempotency_key
                 and k.event_id = e.id and k.occurred_at = e.occurred_at) as matched,
               (select count(*)::int from usage_events
                 where tableoid::regclass::text <> 'usage_events_' || to_char(occurred_at at time zone 'UTC', 'YYYY_MM')) as misplaced`);
      expect(check).toEqual({ events: 3000, keys: 3000, matched: 3000, misplaced: 0 });
      const [partitioned] = await handle.rows<{ strategy: string }>(
        sql`select partstrat::text as strategy from pg_partitioned_table where partrelid = 'usage_events'::regclass`,
      );
      expect(partitioned?.strategy).toBe("r");
    } finally {
      await handle.close();
    }
  });
});
