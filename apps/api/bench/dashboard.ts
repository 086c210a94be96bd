// pnpm bench:dashboard — 1,000 organisations with a year of data (about 1.4 million daily
// rollups, 5,000 tickets): the console Overview's queries together as the page sends them,
// each on its own, and a year's usage report per organisation (with its CSV); beside a bare
// scan of the same rollups and a bare select of the report's rows. PGlite, and PostgreSQL
// when DATABASE_URL is set (a fresh database).
import type { Database, DbHandle } from "@tessera/db";
import { organizations, usageDaily } from "@tessera/db/schema";
import { utcDay } from "@tessera/domain";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import superjson from "superjson";
import { systemClock } from "../src/clock.ts";
import type { ServiceContext } from "../src/context.ts";
import { getExpiringSummary, getLicenseStats } from "../src/licenses/queries.ts";
import { getLicenseTrend } from "../src/licenses/trend.ts";
import { getSupportStats } from "../src/support/stats.ts";
import { getUsageAlerts } from "../src/usage/alerts.ts";
import { getUsageReport, usageReportCsv } from "../src/usage/usage-report.ts";
import { getUsageStats, getUsageTrend } from "../src/usage/usage-stats.ts";
import { onEachDatabase } from "./databases.ts";
import { recordResults } from "./results.ts";
import { seedYear } from "./seed-year.ts";

const ORGANIZATIONS = Number(process.env.BENCH_ORGS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const REPORTS = 50;
const REPORT_ROUNDS = 5;
const DAY_MS = 86_400_000;

const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

const repeat = async (rounds: number, work: () => Promise<unknown>) => {
  await work(); // warm-up: plans and caches, as on a page that has been opened before
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) times.push(await timed(work));
  return { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)) };
};

/** The goal for the whole Overview's p50, per database. */
const GOAL_MS = { PGlite: 150, PostgreSQL: 50 } as const;

/**
 * Statements and response bytes (superjson, as tRPC sends them) of one Overview load: the
 * statements counted through drizzle's logger, which every prepared query calls.
 */
const loadCost = async (db: Database, queries: Record<string, () => Promise<unknown>>) => {
  const session = (db as unknown as { session: { logger: { logQuery: () => void } } }).session;
  const original = session.logger;
  let statements = 0;
  session.logger = { logQuery: () => statements++ };
  const bytes: Record<string, number> = {};
  try {
    for (const [name, query] of Object.entries(queries))
      bytes[name] = Buffer.byteLength(superjson.stringify(await query()));
  } finally {
    session.logger = original;
  }
  return { statements, bytes, totalBytes: Object.values(bytes).reduce((sum, value) => sum + value, 0) };
};

const measure = async (label: "PGlite" | "PostgreSQL", handle: DbHandle) => {
  await handle.migrate();
  const now = new Date();
  const started = performance.now();
  const seeded = await seedYear(handle.db, ORGANIZATIONS, now);
  const seedMs = performance.now() - started;
  await handle.db.execute(sql`analyze`);
  const ctx: ServiceContext = { db: handle.db, clock: systemClock, actor: null, ip: null };
  const week = { from: new Date(now.getTime() - 7 * DAY_MS), to: now };
  const queries = {
    "licenses.stats": () => getLicenseStats(ctx),
    // the card's procedure (licenses.expiringSummary; licenses.expiring before it)
    "licenses.expiring": () => getExpiringSummary(ctx, 30),
    // as the at-risk card asks (pageSize 25 before it asked for one row)
    "usage.stats": () => getUsageStats(ctx, { page: 1, pageSize: 1, top: 5 }),
    "support.stats": () => getSupportStats(ctx, week),
    "usage.alerts": () => getUsageAlerts(ctx, { page: 1, pageSize: 5, acknowledged: false }, null),
    "licenses.trend": () => getLicenseTrend(ctx, 12),
    "usage.trend": () => getUsageTrend(ctx, 12),
  };
  const cost = await loadCost(handle.db, queries);
  const dashboard = await repeat(ROUNDS, () => Promise.all(Object.values(queries).map((query) => query())));
  const each: Record<string, { p50: number; p95: number }> = {};
  for (const [name, query] of Object.entries(queries)) each[name] = await repeat(ROUNDS, query);
  const scan = await repeat(ROUNDS, () =>
    handle.db.select({ rows: sql`count(*)`, total: sql`sum(${usageDaily.value})` }).from(usageDaily),
  );

  const orgIds = (await handle.db.select({ id: organizations.id }).from(organizations).limit(REPORTS)).map(
    (row) => row.id,
  );
  const year = { from: new Date(now.getTime() - 365 * DAY_MS), to: now };
  const perSecond = (ms: number) => Math.round((orgIds.length * 1000) / ms);
  const reportPass = async () =>
    perSecond(
      await timed(async () => {
        for (const id of orgIds) usageReportCsv(await getUsageReport(ctx, id, year));
      }),
    );
  const rawPass = async () =>
    perSecond(
      await timed(async () => {
        for (const id of orgIds)
          await handle.db
            .select({ metric: usageDaily.metric, day: usageDaily.day, value: usageDaily.value })
            .from(usageDaily)
            .where(
              and(
                eq(usageDaily.organizationId, id),
                gte(usageDaily.day, utcDay(year.from)),
                lte(usageDaily.day, utcDay(year.to)),
              ),
            );
      }),
    );
  // Both warmed up (the same pages cached for each), then alternated: the median of each.
  await reportPass();
  await rawPass();
  const reportRates: number[] = [];
  const rawRates: number[] = [];
  for (let round = 0; round < REPORT_ROUNDS; round++) {
    reportRates.push(await reportPass());
    rawRates.push(await rawPass());
  }
  const reports = percentile(reportRates, 50);
  const rawRows = percentile(rawRates, 50);
  return { label, seedMs, seeded, dashboard, each, scan, reports, rawRows, cost, goal: GOAL_MS[label] };
};

const results = await onEachDatabase("dashboard", measure);

for (const row of results) {
  console.log(
    `\n${row.label}: ${row.seeded.organizations} organisations, ${row.seeded.usageRows} daily rollups, ` +
      `${row.seeded.tickets} tickets (seeded in ${(row.seedMs / 1000).toFixed(1)} s); ${ROUNDS} rounds after a warm-up\n`,
  );
  console.log("| query | p50 ms | p95 ms | bytes |");
  console.log("|---|---:|---:|---:|");
  console.log(
    `| whole Overview (all below, in parallel) | ${row.dashboard.p50} | ${row.dashboard.p95} | ${row.cost.totalBytes} |`,
  );
  for (const [name, time] of Object.entries(row.each))
    console.log(`| ${name} | ${time.p50} | ${time.p95} | ${row.cost.bytes[name]} |`);
  console.log(`| goal for the whole Overview | ${row.goal} | | |`);
  console.log(`| baseline: count(*) + sum over every rollup | ${row.scan.p50} | ${row.scan.p95} | |`);
  console.log(
    `\nStatements per Overview load (these ${Object.keys(row.each).length} procedures): ${row.cost.statements}`,
  );
  console.log(
    `\nYear-long usage report + CSV, ${REPORTS} organisations one after another (median of ${REPORT_ROUNDS} passes after a warm-up): ${row.reports} reports/s ` +
      `(baseline: bare select of the same rows, ${row.rawRows}/s)`,
  );
}
recordResults(
  results.flatMap((row) => [
    {
      area: "dashboard",
      measure: `Overview queries p50, ${row.seeded.organizations} orgs × 1 year (${row.label})`,
      value: row.dashboard.p50,
      unit: "ms",
      baseline: { name: `count(*) over ${row.seeded.usageRows} rollups (${row.label})`, value: row.scan.p50 },
    },
    {
      area: "dashboard",
      measure: `Overview queries p50 against the goal (${row.label})`,
      value: row.dashboard.p50,
      unit: "ms",
      baseline: { name: `goal (${row.label})`, value: row.goal },
    },
    {
      area: "dashboard",
      measure: `statements per Overview load (${row.label})`,
      value: row.cost.statements,
      unit: "statements",
    },
    {
      area: "dashboard",
      measure: `Overview response bytes (${row.label})`,
      value: row.cost.totalBytes,
      unit: "bytes",
    },
    {
      area: "dashboard",
      measure: `Overview queries p95 (${row.label})`,
      value: row.dashboard.p95,
      unit: "ms",
    },
    {
      area: "reports",
      measure: `year-long usage report + CSV (${row.label})`,
      value: row.reports,
      unit: "reports/s",
      baseline: { name: `bare select of the rows (${row.label})`, value: row.rawRows },
    },
  ]),
);
process.exit(0);
