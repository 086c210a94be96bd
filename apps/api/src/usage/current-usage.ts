import type { Executor } from "@tessera/db";
import { licenses, usageDaily, usageLatest, usageMonthly } from "@tessera/db/schema";
import { METRIC_KIND, METRICS, type Metric, periodStart, type UsageSnapshot, utcDay } from "@tessera/domain";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
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

/**
 * Usage of licenses in the period containing `at`, in one statement for any number of
 * licenses: counters from the monthly rollup (the UTC month's sum), gauges from the
 * latest-gauge rollup (so a level reported last month still counts until a new one
 * arrives). A gauge measured at or after the period's end falls back to the daily rollup.
 */
export const usageForLicenses = async (
  db: Executor,
  scope: LicenseScope,
  at: Date,
): Promise<Map<string, Record<Metric, number>>> => {
  const usage = new Map<string, Record<Metric, number>>(
    Array.isArray(scope) ? scope.map((id) => [id, zeroUsage()]) : [],
  );
  if (Array.isArray(scope) && scope.length === 0) return usage;
  const month = utcDay(periodStart(at));
  const until = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  const rows = await db
    .select({
      licenseId: usageMonthly.licenseId,
      metric: usageMonthly.metric,
      value: usageMonthly.value,
      late: sql<boolean>`false`,
    })
    .from(usageMonthly)
    .where(
      and(
        scopeCondition(scope, usageMonthly.licenseId),
        inArray(usageMonthly.metric, COUNTERS),
        eq(usageMonthly.month, month),
      ),
    )
    .unionAll(
      db
        .select({
          licenseId: usageLatest.licenseId,
          metric: usageLatest.metric,
          value: usageLatest.value,
          late: sql<boolean>`${usageLatest.occurredAt} >= ${until.toISOString()}::timestamptz`,
        })
        .from(usageLatest)
        .where(scopeCondition(scope, usageLatest.licenseId)),
    );
  const late = new Set<string>();
  for (const row of rows) {
    const entry = usage.get(row.licenseId) ?? zeroUsage();
    usage.set(row.licenseId, entry);
    if (row.late) late.add(row.licenseId);
    else entry[row.metric] = Number(row.value);
  }
  if (late.size === 0) return usage;
  for (const row of await gaugesBefore(db, [...late], utcDay(until))) {
    const entry = usage.get(row.licenseId);
    if (!entry) continue;
    for (const metric of GAUGES) entry[metric] = Number(row.latest[metric] ?? 0);
  }
  return usage;
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
