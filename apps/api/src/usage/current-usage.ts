import type { Executor } from "@tessera/db";
import { licenses, usageDaily } from "@tessera/db/schema";
import { METRIC_KIND, METRICS, type Metric, periodStart, type UsageSnapshot, utcDay } from "@tessera/domain";
import { and, gte, inArray, lt, sql, sum } from "drizzle-orm";

const GAUGES = METRICS.filter((metric) => METRIC_KIND[metric] === "GAUGE");
const COUNTERS = METRICS.filter((metric) => METRIC_KIND[metric] === "COUNTER");

const zeros = (): Record<Metric, number> => ({ ACTIVE_USERS: 0, COURSES: 0, API_CALLS: 0, STORAGE_BYTES: 0 });

/**
 * Usage of licenses in the period containing `at`, two queries for any number of licenses:
 * counters summed over the UTC month, gauges at their latest reported value up to the
 * period's end (so a level reported last month still counts until a new one arrives).
 */
export const usageForLicenses = async (
  db: Executor,
  licenseIds: string[],
  at: Date,
): Promise<Map<string, Record<Metric, number>>> => {
  const usage = new Map(licenseIds.map((id) => [id, zeros()]));
  if (licenseIds.length === 0) return usage;
  const from = utcDay(periodStart(at));
  const until = utcDay(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)));
  const [counters, gauges] = await Promise.all([
    db
      .select({
        licenseId: usageDaily.licenseId,
        metric: usageDaily.metric,
        total: sum(usageDaily.value).mapWith(Number),
      })
      .from(usageDaily)
      .where(
        and(
          inArray(usageDaily.licenseId, licenseIds),
          inArray(usageDaily.metric, COUNTERS),
          gte(usageDaily.day, from),
          lt(usageDaily.day, until),
        ),
      )
      .groupBy(usageDaily.licenseId, usageDaily.metric),
    // One index lookup per license × gauge (the primary key is license, metric, day): a
    // gauge's latest day may lie months back, so scanning history would grow with time.
    db
      .select({
        licenseId: licenses.id,
        // One JSON object of gauge → latest value, so the row's shape is known without a cast.
        latest: sql<Partial<Record<Metric, number | null>>>`json_build_object(${sql.join(
          GAUGES.map(
            (metric) =>
              sql`${metric}::text, (select ${usageDaily.value} from ${usageDaily} where ${usageDaily.licenseId} = ${licenses.id} and ${usageDaily.metric} = ${metric} and ${usageDaily.day} < ${until} order by ${usageDaily.day} desc limit 1)`,
          ),
          sql`, `,
        )})`,
      })
      .from(licenses)
      .where(inArray(licenses.id, licenseIds)),
  ]);
  for (const row of counters) {
    const entry = usage.get(row.licenseId);
    if (entry) entry[row.metric] = row.total ?? 0;
  }
  for (const row of gauges) {
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
): Promise<Record<Metric, number>> => (await usageForLicenses(db, [licenseId], at)).get(licenseId) ?? zeros();

/** The snapshot validation reports: the current period's usage. */
export const currentUsage = (db: Executor, licenseId: string, now: Date): Promise<UsageSnapshot> =>
  usageInPeriod(db, licenseId, now);
