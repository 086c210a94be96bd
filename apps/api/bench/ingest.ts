// pnpm bench:ingest — usage ingestion throughput: Tessera's ingestUsage (idempotent insert,
// daily rollups and alert checks in one transaction) beside a baseline that only inserts
// the raw events (INSERT … ON CONFLICT DO NOTHING), in the same run, on PGlite and, when
// DATABASE_URL is set, on a fresh PostgreSQL database.
import { randomBytes } from "node:crypto";
import type { DbHandle } from "@tessera/db";
import { licenses, usageEvents } from "@tessera/db/schema";
import { systemClock } from "../src/clock.ts";
import { ingestUsage } from "../src/usage/ingest.ts";
import { onEachDatabase } from "./databases.ts";
import { recordResults } from "./results.ts";
import { seedLicenses } from "./seed-licenses.ts";

const BATCHES = Number(process.env.BENCH_INGEST_BATCHES ?? 200);
const BATCH_SIZE = 100;
const CONCURRENCY = 4;
const ORGANIZATIONS = 50;
const METRICS = ["API_CALLS", "ACTIVE_USERS", "COURSES", "STORAGE_BYTES"] as const;

const eventsFor = (batch: number) =>
  Array.from({ length: BATCH_SIZE }, (_, index) => ({
    metric: METRICS[index % METRICS.length] ?? "API_CALLS",
    value: 1 + (index % 7),
    idempotencyKey: `b${batch}-${index}-${randomBytes(4).toString("hex")}`,
  }));

const run = async (work: (batch: number) => Promise<unknown>) => {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < BATCHES) await work(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return Math.round((BATCHES * BATCH_SIZE) / seconds);
};

const measure = async (label: string, handle: DbHandle) => {
  await handle.migrate();
  await seedLicenses(handle.db, ORGANIZATIONS);
  const targets = await handle.db
    .select({ id: licenses.id, organizationId: licenses.organizationId })
    .from(licenses);
  const pick = (batch: number) => targets[batch % targets.length] ?? { id: "", organizationId: "" };
  const ctx = { db: handle.db, clock: systemClock, actor: null, ip: null, system: "bench" };
  const baseline = await run((batch) => {
    const target = pick(batch);
    const now = new Date();
    return handle.db
      .insert(usageEvents)
      .values(
        eventsFor(batch).map((event) => ({
          ...event,
          organizationId: target.organizationId,
          licenseId: target.id,
          occurredAt: now,
        })),
      )
      .onConflictDoNothing();
  });
  const tessera = await run((batch) => ingestUsage(ctx, pick(batch).organizationId, eventsFor(batch)));
  return [
    { name: `baseline raw insert (${label})`, eventsPerSecond: baseline },
    { name: `Tessera ingestUsage (${label})`, eventsPerSecond: tessera },
  ];
};

export const ingestionBenchmark = async () => {
  const rows = (await onEachDatabase("ingest", measure)).flat();
  console.log(
    `\nUsage ingestion: ${BATCHES} batches of ${BATCH_SIZE} events, ${CONCURRENCY} at a time, ${ORGANIZATIONS} organisations\n`,
  );
  console.log("| writer | events/s | vs baseline |");
  console.log("|---|---:|---:|");
  for (let index = 0; index < rows.length; index += 2) {
    const [baseline, tessera] = [rows[index], rows[index + 1]];
    if (!baseline || !tessera) continue;
    console.log(`| ${baseline.name} | ${baseline.eventsPerSecond} | 1.00 |`);
    console.log(
      `| ${tessera.name} | ${tessera.eventsPerSecond} | ${(tessera.eventsPerSecond / baseline.eventsPerSecond).toFixed(2)} |`,
    );
    recordResults([
      {
        area: "ingestion",
        measure: tessera.name,
        value: tessera.eventsPerSecond,
        unit: "events/s",
        baseline: { name: baseline.name, value: baseline.eventsPerSecond },
      },
    ]);
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await ingestionBenchmark();
  process.exit(0);
}
