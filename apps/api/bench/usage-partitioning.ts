// pnpm bench:partition — migration 0020 (usage_events partitioned by month) on a database that
// already holds many events: rows moved and time, on PGlite and, with DATABASE_URL, PostgreSQL.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DbHandle, migrationsFolder } from "@tessera/db";
import { licenses } from "@tessera/db/schema";
import { sql } from "drizzle-orm";
import { onEachDatabase } from "./databases.ts";
import { seedLicenses } from "./seed-licenses.ts";

const PARTITIONING_MIGRATION = "0020_usage_events_partitioned";

/** Migrate up to, not including, the partitioning migration: the database as it was before it. */
export const migrateBeforePartitioning = async (handle: DbHandle): Promise<void> => {
  const folder = mkdtempSync(join(tmpdir(), "tessera-migrations-"));
  cpSync(migrationsFolder(), folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const stop = journal.entries.findIndex((entry) => entry.tag === PARTITIONING_MIGRATION);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, stop) }));
  await handle.migrate({ migrationsFolder: folder });
};

/**
 * `total` events spread evenly over the `months` UTC months before `end`, across `organizations`
 * licensed organisations, written straight into the unpartitioned table (with its unique key).
 */
export const seedEventsAcrossMonths = async (
  handle: DbHandle,
  options: { total: number; months: number; organizations: number; end: Date },
): Promise<void> => {
  await seedLicenses(handle.db, options.organizations, options.end);
  const targets = await handle.db.select({ id: licenses.id, org: licenses.organizationId }).from(licenses);
  const spanSeconds = Math.floor(options.months * 30.4 * 86_400);
  const metrics = sql.raw(`(array['API_CALLS','ACTIVE_USERS','COURSES','STORAGE_BYTES']::usage_metric[])`);
  await handle.db.execute(sql`
    with target as (
      select * from json_to_recordset(${JSON.stringify(targets)}::json) as t(id uuid, org uuid)
    ),
    numbered as (select row_number() over () - 1 as k, id, org from target)
    insert into usage_events (organization_id, license_id, metric, value, occurred_at, idempotency_key, received_at)
    select n.org, n.id, ${metrics}[1 + i % 4], 1 + i % 97,
           ${options.end.toISOString()}::timestamptz - make_interval(secs => (i * 7919) % ${spanSeconds}),
           'seed-' || i,
           ${options.end.toISOString()}::timestamptz - make_interval(secs => (i * 7919) % ${spanSeconds})
    from generate_series(0, ${options.total - 1}) as i
    join numbered n on n.k = i % ${targets.length}`);
};

const measure = async (label: string, handle: DbHandle) => {
  await migrateBeforePartitioning(handle);
  const total = Number(process.env.BENCH_PARTITION_EVENTS ?? 200_000);
  await seedEventsAcrossMonths(handle, { total, months: 6, organizations: 50, end: new Date() });
  const started = performance.now();
  await handle.migrate();
  const ms = Math.round(performance.now() - started);
  const [moved] = await handle.rows<{ n: number; partitions: number }>(
    sql`select count(*)::int as n, count(distinct tableoid)::int as partitions from usage_events`,
  );
  return { label, moved: moved?.n, partitions: moved?.partitions, ms };
};

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await onEachDatabase("partition", measure)) console.log(JSON.stringify(row));
}
