// pnpm bench:tickets — open 10,000 tickets concurrently through createTicket (quotas, routing,
// SLA due times, audit) beside a raw INSERT of the same rows (the two alternate in rounds), and
// check that every ticket is stored, that no ticket number repeats and that the agents'
// open-ticket counts match their open tickets, failing otherwise (BENCH_TICKETS, BENCH_AGENTS
// change the 10,000 and the 5 agents). PGlite, and
// PostgreSQL when DATABASE_URL is set (a fresh database), where it also counts the statements
// one call sends (BEGIN and COMMIT included) for a NORMAL and a CRITICAL ticket.
import type { Database, DbHandle } from "@tessera/db";
import * as schema from "@tessera/db/schema";
import { organizations, tickets, users } from "@tessera/db/schema";
import { countDistinct, type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { hashPassword } from "../src/auth/password.ts";
import { systemClock } from "../src/clock.ts";
import { createTicket } from "../src/support/create-ticket.ts";
import { onEachDatabase } from "./databases.ts";
import { recordResults } from "./results.ts";
import { seedLicenses } from "./seed-licenses.ts";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 10_000);
const CONCURRENCY = 16;
const AGENTS = Number(process.env.BENCH_AGENTS ?? 5);
const PRIORITIES = ["LOW", "NORMAL", "HIGH", "CRITICAL"] as const;
// Both runs land in the same organisations: 32 rows each (a quarter CRITICAL) keeps every one
// under its quotas of 500 open and 20 CRITICAL a day, which are product rules. An odd number,
// so that the priorities (index % 4) spread evenly over them (index % organisations).
const ORGANIZATIONS = Math.max(21, Math.ceil(TICKETS / 32)) | 1;
const COUNTED_CALLS = 20;
const ROUNDS = 5;

/** Run `work` for indexes `from` … `to` - 1, CONCURRENCY at a time; the milliseconds it took. */
const run = async (from: number, to: number, work: (index: number) => Promise<unknown>) => {
  let next = from;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < to) await work(next++);
    }),
  );
  return performance.now() - started;
};

/**
 * The raw inserts and the creates alternate in ROUNDS slices, so that both meet the same load
 * of a shared machine; each rate is its total over its total time.
 */
const alternate = async (
  baseline: (index: number) => Promise<unknown>,
  measured: (index: number) => Promise<unknown>,
) => {
  let baselineMs = 0;
  let measuredMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const from = Math.floor((TICKETS * round) / ROUNDS);
    const to = Math.floor((TICKETS * (round + 1)) / ROUNDS);
    baselineMs += await run(from, to, baseline);
    measuredMs += await run(from, to, measured);
  }
  const rate = (ms: number) => Math.round(TICKETS / (ms / 1000));
  return { baseline: rate(baselineMs), tessera: rate(measuredMs) };
};

const benchContext = (db: Database) => ({ db, clock: systemClock, actor: null, ip: null, system: "bench" });

/** Statements one createTicket sends, counted by the driver on its own connection to `url`. */
const statementsPerCall = async (url: string, organizationIds: string[]) => {
  let statements = 0;
  const client = postgres(url, { max: 1, onnotice: () => {}, debug: () => statements++ });
  const db: Database = drizzle({ client, schema, casing: "snake_case" });
  const perCall: Record<string, number> = {};
  try {
    await db.execute(sql`select 1`); // the driver's own type lookup happens once, before counting
    for (const priority of ["NORMAL", "CRITICAL"] as const) {
      statements = 0;
      for (let index = 0; index < COUNTED_CALLS; index++) {
        const organizationId = organizationIds[index % organizationIds.length] ?? "";
        await createTicket(benchContext(db), organizationId, {
          subject: "Counted",
          description: "x",
          priority,
        });
      }
      perCall[priority] = statements / COUNTED_CALLS;
    }
  } finally {
    await client.end();
  }
  return perCall;
};

const openOf = (user: SQL) =>
  sql`(select count(*)::int from ${tickets} t where t.assignee_id = ${user} and t.status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'))`;

/** The agents' open tickets (least–most), and how many agents' stored count differs (should be none). */
const agentLoads = async (handle: DbHandle) => {
  const [load] = await handle.rows<{ least: number; most: number }>(
    sql`select min(${openOf(sql`u.id`)}) as least, max(${openOf(sql`u.id`)}) as most from ${users} u where u.role = 'SUPPORT'`,
  );
  const [stored] = await handle.rows<{ total: number }>(sql`
    select count(*)::int as total from ${users} u where u.open_ticket_count <> ${openOf(sql`u.id`)}`);
  return { load: `${load?.least ?? "?"}–${load?.most ?? "?"}`, mismatches: stored?.total ?? "?" };
};

/** This handle's database on the DATABASE_URL server, for a second, counting connection. */
const urlOf = async (handle: DbHandle) => {
  const [row] = await handle.rows<{ name: string }>(sql`select current_database() as name`);
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = `/${row?.name ?? ""}`;
  return url.toString();
};

const seed = async (handle: DbHandle) => {
  await handle.migrate();
  await seedLicenses(handle.db, ORGANIZATIONS);
  const passwordHash = await hashPassword("bench-password");
  await handle.db.insert(users).values(
    Array.from({ length: AGENTS }, (_, index) => ({
      email: `agent${index}@bench.test`,
      name: `Agent ${index}`,
      role: "SUPPORT" as const,
      kind: "STAFF" as const,
      passwordHash,
    })),
  );
  return (await handle.db.select({ id: organizations.id }).from(organizations)).map((row) => row.id);
};

const measure = async (label: "PGlite" | "PostgreSQL", handle: DbHandle) => {
  const orgIds = await seed(handle);
  const pick = (index: number) => orgIds[index % orgIds.length] ?? "";
  const { baseline, tessera } = await alternate(
    (index) =>
      handle.db.insert(tickets).values({
        organizationId: pick(index),
        subject: `Raw ${index}`,
        description: "raw insert",
        priority: PRIORITIES[index % 4] ?? "LOW",
        requesterLabel: "bench",
        responseDueAt: new Date(),
      }),
    (index) =>
      createTicket(benchContext(handle.db), pick(index), {
        subject: `Ticket ${index}`,
        description: "bench",
        priority: PRIORITIES[index % 4] ?? "LOW",
      }),
  );
  console.error(`${label}: raw insert ${baseline}/s, createTicket ${tessera}/s`);
  const [numbers] = await handle.db
    .select({ total: sql<number>`count(*)::int`, distinct: countDistinct(tickets.number) })
    .from(tickets);
  const { load, mismatches } = await agentLoads(handle);
  const counted = label === "PostgreSQL" ? await statementsPerCall(await urlOf(handle), orgIds) : {};
  return {
    label,
    baseline,
    tessera,
    total: numbers?.total ?? 0,
    distinct: numbers?.distinct ?? 0,
    load,
    mismatches,
    normal: counted.NORMAL ?? "—",
    critical: counted.CRITICAL ?? "—",
  };
};

const results = await onEachDatabase("tickets", measure);
console.log(
  `\nTicket creation: ${TICKETS} each way, ${CONCURRENCY} at a time in ${ROUNDS} alternating rounds, ${AGENTS} agents, per database\n`,
);
console.log(
  "| database | raw insert tickets/s (baseline) | createTicket tickets/s | vs baseline | tickets | distinct numbers | agents' open counts (min–max) | counts ≠ open tickets | statements/call NORMAL | CRITICAL |",
);
console.log("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|");
for (const row of results) {
  console.log(
    `| ${row.label} | ${row.baseline} | ${row.tessera} | ${(row.tessera / row.baseline).toFixed(2)} | ${row.total} | ${row.distinct} | ${row.load} | ${row.mismatches} | ${row.normal} | ${row.critical} |`,
  );
}
// A rate counts only if every create that answered is stored, once, and the agents' counts hold.
const wrong = results.filter(
  (row) => row.total !== 2 * TICKETS || row.distinct !== row.total || row.mismatches !== 0,
);
if (wrong.length > 0) {
  console.error(
    `\nWRONG: ${wrong.map((row) => row.label).join(", ")}: tickets missing, repeated or miscounted`,
  );
  process.exit(1);
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
