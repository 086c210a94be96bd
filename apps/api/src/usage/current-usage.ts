import type { Executor } from "@tessera/db";
import { licenses, usageDaily, usageLatest, usageMonthly } from "@tessera/db/schema";
import { METRIC_KIND, METRICS, type Metric, periodStart, type UsageSnapshot, utcDay } from "@tessera/domain";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

const GAUGES = METRICS.filter((metric) => METRIC_KIND[metric] === "GAUGE");
const COUNTERS = METRICS.filter((metric) => METRIC_KIND[metric] === "COUNTER");

export const zeroUsage = (): Record<Metric, number> => ({
  ACTIVE_USERS: 0,
  COURSES: 0,
  API_CALLS: 0,
  STORAGE_BYTES: 0,
});

/** Which licenses a usage read covers: a list of ids, or a subquery selecting their ids. */
type LicenseScope = string[] | SQL;

const scopeCondition = (scope: LicenseScope, column: AnyPgColumn) =>
  Array.isArray(scope) ? inArray(column, scope) : sql`${column} in (${scope})`;

/**
 * Gauges at their latest level before `until`, by the daily rollup: one index lookup per
 * license × gauge. Only for levels the latest-gauge rollup cannot give (one measured after
 * the period asked for, so a late event or a period in the past).
 */
const gaugesBefore = (db: Executor, licenseIds: string[], until: string) =>
  db
    .select({
      licenseId: licenses.id,
      latest: sql<Partial<Record<Metric, number | null>>>`json_build_object(${sql.join(
        GAUGES.map(
          (metric) =>
            sql`${metric}::text, (select ${usageDaily.value} from ${usageDaily} where ${usageDaily.licenseId} = ${licenses.id} and ${usageDaily.metric} = ${metric} and ${usageDaily.day} < ${until} order by ${usageDaily.day} desc limit 1)`,
        ),
        sql`, `,
      )})`,
    })
    .from(licenses)
    .where(inArray(licenses.id, licenseIds));

const untilOf = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));

/**
 * Usage of licenses in the period containing `at` as a derived table `usage`, one row per
 * license that reported anything: counters from the monthly rollup (the UTC month's sum),
 * gauges from the latest-gauge rollup (so a level reported last month still counts until a
 * new one arrives), and `late` when a gauge was measured at or after the period's end (its
 * level for the period is then read from the daily rollup by `withLateGauges`).
 */
export const periodUsageTable = (scope: LicenseScope, at: Date): SQL => {
  const month = utcDay(periodStart(at));
  const until = untilOf(at).toISOString();
  const columns = sql.join(
    METRICS.map((metric) => sql`max(value) filter (where metric = ${metric}) as ${sql.identifier(metric)}`),
    sql`, `,
  );
  return sql`(select license_id, ${columns}, bool_or(late) as late from (
      select license_id, metric, value, false as late from ${usageMonthly}
      where ${scopeCondition(scope, usageMonthly.licenseId)} and ${inArray(usageMonthly.metric, COUNTERS)}
        and ${usageMonthly.month} = ${month}
      union all
      select license_id, metric, value, occurred_at >= ${until}::timestamptz from ${usageLatest}
      where ${scopeCondition(scope, usageLatest.licenseId)}
    ) reported group by license_id) as usage`;
};

/** The columns of `periodUsageTable`, for a select. */
export const periodUsageColumns = {
  ACTIVE_USERS: sql<number>`usage."ACTIVE_USERS"`.mapWith(Number),
  COURSES: sql<number>`usage."COURSES"`.mapWith(Number),
  API_CALLS: sql<number>`usage."API_CALLS"`.mapWith(Number),
  STORAGE_BYTES: sql<number>`usage."STORAGE_BYTES"`.mapWith(Number),
  late: sql<boolean | null>`usage.late`,
};

type UsageRow = { [metric in Metric]: number | null } & { late: boolean | null };

/** A row of `periodUsageTable` as usage (zeros where nothing was reported). */
export const usageOfRow = (row: UsageRow): Record<Metric, number> => ({
  ACTIVE_USERS: row.ACTIVE_USERS ?? 0,
  COURSES: row.COURSES ?? 0,
  API_CALLS: row.API_CALLS ?? 0,
  STORAGE_BYTES: row.STORAGE_BYTES ?? 0,
});

/** Gauges of the licenses marked late, read as they stood before the period's end. */
export const withLateGauges = async (
  db: Executor,
  usage: Map<string, Record<Metric, number>>,
  late: string[],
  at: Date,
): Promise<Map<string, Record<Metric, number>>> => {
  if (late.length === 0) return usage;
  for (const row of await gaugesBefore(db, late, utcDay(untilOf(at)))) {
    const entry = usage.get(row.licenseId);
    if (!entry) continue;
    for (const metric of GAUGES) entry[metric] = Number(row.latest[metric] ?? 0);
  }
  return usage;
};

/** Usage of the licenses in the period containing `at`: one statement for any number of them. */
const usageForLicenses = async (
  db: Executor,
  licenseIds: string[],
  at: Date,
): Promise<Map<string, Record<Metric, number>>> => {
  const usage = new Map(licenseIds.map((id) => [id, zeroUsage()]));
  if (licenseIds.length === 0) return usage;
  const rows = await db
    .select({ licenseId: sql<string>`usage.license_id`, ...periodUsageColumns })
    .from(periodUsageTable(licenseIds, at));
  const late: string[] = [];
  for (const row of rows) {
    usage.set(row.licenseId, usageOfRow(row));
    if (row.late) late.push(row.licenseId);
  }
  return withLateGauges(db, usage, late, at);
};

/** One license's usage in the period containing `at`. */
export const usageInPeriod = async (
  db: Executor,
  licenseId: string,
  at: Date,
): Promise<Record<Metric, number>> =>
  (await usageForLicenses(db, [licenseId], at)).get(licenseId) ?? zeroUsage();

/** The snapshot validation reports: the current period's usage. */
export const currentUsage = (db: Executor, licenseId: string, now: Date): Promise<UsageSnapshot> =>
  usageInPeriod(db, licenseId, now);
