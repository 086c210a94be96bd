import type { Executor } from "@tessera/db";
import { usageDaily } from "@tessera/db/schema";
import { METRIC_KIND, METRICS, type Metric, periodStart, type UsageSnapshot, utcDay } from "@tessera/domain";
import { and, desc, eq, gte, inArray, lt, sum } from "drizzle-orm";

const GAUGES = METRICS.filter((metric) => METRIC_KIND[metric] === "GAUGE");

/**
 * Usage of one license in the period containing `at`: counters summed over the UTC month,
 * gauges at their latest reported value within it (falling back to the latest ever, so a
 * level reported last month still counts until a new one arrives).
 */
export const usageInPeriod = async (
  db: Executor,
  licenseId: string,
  at: Date,
): Promise<Record<Metric, number>> => {
  const from = utcDay(periodStart(at));
  const nextMonth = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  const [counters, gauges] = await Promise.all([
    db
      .select({ metric: usageDaily.metric, total: sum(usageDaily.value).mapWith(Number) })
      .from(usageDaily)
      .where(
        and(
          eq(usageDaily.licenseId, licenseId),
          eq(usageDaily.metric, "API_CALLS"),
          gte(usageDaily.day, from),
          lt(usageDaily.day, utcDay(nextMonth)),
        ),
      )
      .groupBy(usageDaily.metric),
    db
      .selectDistinctOn([usageDaily.metric], { metric: usageDaily.metric, value: usageDaily.value })
      .from(usageDaily)
      .where(
        and(
          eq(usageDaily.licenseId, licenseId),
          inArray(usageDaily.metric, GAUGES),
          lt(usageDaily.day, utcDay(nextMonth)),
        ),
      )
      .orderBy(usageDaily.metric, desc(usageDaily.day), desc(usageDaily.lastOccurredAt)),
  ]);
  const usage: Record<Metric, number> = { ACTIVE_USERS: 0, COURSES: 0, API_CALLS: 0, STORAGE_BYTES: 0 };
  for (const row of counters) usage[row.metric] = row.total ?? 0;
  for (const row of gauges) usage[row.metric] = row.value;
  return usage;
};

/** The snapshot validation reports: the current period's usage. */
export const currentUsage = (db: Executor, licenseId: string, now: Date): Promise<UsageSnapshot> =>
  usageInPeriod(db, licenseId, now);
