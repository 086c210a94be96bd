// pnpm bench:tickets — open 10,000 tickets concurrently through createTicket (routing,
// SLA due times, audit) beside a raw INSERT of the same rows, and check that no ticket
// number repeats. PGlite, and PostgreSQL when DATABASE_URL is set (a fresh database).
import type { DbHandle } from "@tessera/db";
import { organizations, tickets, users } from "@tessera/db/schema";
import { countDistinct, sql } from "drizzle-orm";
import { hashPassword } from "../src/auth/password.ts";
import { systemClock } from "../src/clock.ts";
import { createTicket } from "../src/support/create-ticket.ts";
import { onEachDatabase } from "./databases.ts";
import { recordResults } from "./results.ts";
import { seedLicenses } from "./seed-licenses.ts";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 10_000);
const CONCURRENCY = 16;
const PRIORITIES = ["LOW", "NORMAL", "HIGH", "CRITICAL"] as const;

const run = async (count: number, work: (index: number) => Promise<unknown>) => {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return Math.round(count / ((performance.now() - started) / 1000));
};

const measure = async (label: string, handle: DbHandle) => {
  await handle.migrate();
  await seedLicenses(handle.db, 20);
  const passwordHash = await hashPassword("bench-password");
  await handle.db.insert(users).values(
    Array.from({ length: 5 }, (_, index) => ({
      email: `agent${index}@bench.test`,
      name: `Agent ${index}`,
      role: "SUPPORT" as const,
      kind: "STAFF" as const,
      passwordHash,
    })),
  );
  const orgIds = (await handle.db.select({ id: organizations.id }).from(organizations)).map((row) => row.id);
  const pick = (index: number) => orgIds[index % orgIds.length] ?? "";
  const ctx = { db: handle.db, clock: systemClock, actor: null, ip: null, system: "bench" };
  const baseline = await run(TICKETS, (index) =>
    handle.db.insert(tickets).values({
      organizationId: pick(index),
      subject: `Raw ${index}`,
      description: "raw insert",
      priority: PRIORITIES[index % 4] ?? "LOW",
      requesterLabel: "bench",
      responseDueAt: new Date(),
    }),
  );
  const tessera = await run(TICKETS, (index) =>
    createTicket(ctx, pick(index), {
      subject: `Ticket ${index}`,
      description: "bench",
      priority: PRIORITIES[index % 4] ?? "LOW",
    }),
  );
  const [numbers] = await handle.db
    .select({ total: sql<number>`count(*)::int`, distinct: countDistinct(tickets.number) })
    .from(tickets);
  return { label, baseline, tessera, total: numbers?.total ?? 0, distinct: numbers?.distinct ?? 0 };
};

const results = await onEachDatabase("tickets", measure);
console.log(`\nTicket creation: ${TICKETS} tickets, ${CONCURRENCY} at a time, per database\n`);
console.log(
  "| database | raw insert tickets/s (baseline) | createTicket tickets/s | vs baseline | tickets | distinct numbers |",
);
console.log("|---|---:|---:|---:|---:|---:|");
for (const row of results) {
  console.log(
    `| ${row.label} | ${row.baseline} | ${row.tessera} | ${(row.tessera / row.baseline).toFixed(2)} | ${row.total} | ${row.distinct} |`,
  );
}
recordResults(
  results.map((row) => ({
    area: "tickets",
    measure: `createTicket (${row.label})`,
    value: row.tessera,
    unit: "tickets/s",
    baseline: { name: `raw insert (${row.label})`, value: row.baseline },
  })),
);
process.exit(0);
