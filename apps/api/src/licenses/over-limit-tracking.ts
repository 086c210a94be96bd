import type { Transaction } from "@tessera/db";
import { licenseOverages } from "@tessera/db/schema";
import {
  entitlementsFor,
  type Limits,
  METRIC_KIND,
  METRICS,
  type Metric,
  periodStart,
  utcDay,
} from "@tessera/domain";
import { type SQL, sql } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { firstRow } from "../raw-rows.ts";
import type { BookedLicense } from "../usage/alert-raising.ts";
import type { Booking } from "../usage/rollups.ts";
import { licenseChanged } from "./validation-cache.ts";

/** Each metric a batch touched, at its level now: a counter's month total, a gauge's latest level. */
const levelsNow = (booking: Booking, now: Date): Map<Metric, number> => {
  const month = utcDay(periodStart(now));
  const levels = new Map<Metric, number>();
  for (const touched of booking.months) {
    if (METRIC_KIND[touched.metric] === "COUNTER" && touched.month === month) {
      levels.set(touched.metric, touched.value);
    }
  }
  for (const gauge of booking.latest) levels.set(gauge.metric, gauge.value);
  return levels;
};

const metricList = (metrics: Metric[]): SQL =>
  sql.join(
    metrics.map((metric) => sql`${metric}::usage_metric`),
    sql`, `,
  );

const COUNTERS = METRICS.filter((metric) => METRIC_KIND[metric] === "COUNTER");

/**
 * One statement: record `now` as overSince for metrics past their limit (the primary key
 * keeps the first of racing batches; a counter's record from an earlier month restarts, as
 * its total did) and clear the metrics back within it. Answers how many rows changed.
 */
const recordStatement = (licenseId: string, over: Metric[], within: Metric[], now: Date): SQL => {
  const monthStart = periodStart(now).toISOString();
  const inserted = over.length
    ? sql`insert into ${licenseOverages} as o (license_id, metric, over_since)
        select ${licenseId}::uuid, metric, ${now.toISOString()}::timestamptz
        from unnest(array[${metricList(over)}]) as metric order by metric
        on conflict (license_id, metric) do update set over_since = excluded.over_since
        where o.over_since < ${monthStart}::timestamptz and o.metric in (${metricList(COUNTERS)})
        returning 1`
    : sql`select 1 where false`;
  const deleted = within.length
    ? sql`delete from ${licenseOverages}
        where license_id = ${licenseId}::uuid and metric in (${metricList(within)}) returning 1`
    : sql`select 1 where false`;
  return sql`with inserted as (${inserted}), deleted as (${deleted})
    select ((select count(*) from inserted) + (select count(*) from deleted))::int as changed`;
};

/**
 * After a batch is booked, in its transaction: when usage first passes a limit, and when it
 * is back within it. Only on a change does the license's cached validation lookup go (here
 * and, through NOTIFY, on other instances), so validation keeps answering from its cache.
 */
export const trackOverLimit = async (
  tx: Transaction,
  ctx: Pick<ServiceContext, "licenseCache">,
  license: BookedLicense,
  booking: Booking,
  now: Date,
): Promise<void> => {
  const { limits } = entitlementsFor({
    tier: license.tier,
    customLimits: license.customLimits as Limits | null,
  });
  const over: Metric[] = [];
  const within: Metric[] = [];
  for (const [metric, used] of levelsNow(booking, now)) {
    const limit = limits[metric];
    // An unlimited metric is never judged against its overSince: nothing to keep or clear.
    if (limit === null) continue;
    (used > limit ? over : within).push(metric);
  }
  if (over.length === 0 && within.length === 0) return;
  const result = await tx.execute<{ changed: number }>(recordStatement(license.id, over, within, now));
  if (Number(firstRow<{ changed: number }>(result)?.changed ?? 0) > 0) {
    await licenseChanged(tx, ctx.licenseCache, license.id);
  }
};
