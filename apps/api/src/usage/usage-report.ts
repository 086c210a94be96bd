import { licenses, usageDaily } from "@tessera/db/schema";
import {
  entitlementsFor,
  type Feature,
  IN_FORCE_STATUSES,
  type LimitCheck,
  type Limits,
  limitStatus,
  METRIC_KIND,
  METRICS,
  type Metric,
  utcDay,
} from "@tessera/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { firstRow, parsedJson } from "../raw-rows.ts";
import { usageInPeriod, zeroUsage } from "./current-usage.ts";
import { forecastsFor } from "./forecasts.ts";

/** What a license's limits are made of, with its ids: the columns usage reads of a license. */
export const licenseLimitColumns = {
  id: licenses.id,
  organizationId: licenses.organizationId,
  tier: licenses.tier,
  customLimits: licenses.customLimits,
  customFeatures: licenses.customFeatures,
};

/** The organisation's license in force: only what its limits are made of. */
const inForceLicense = async (ctx: ServiceContext, organizationId: string) => {
  const [license] = await ctx.db
    .select({ ...licenseLimitColumns, expiresAt: licenses.expiresAt })
    .from(licenses)
    .where(and(eq(licenses.organizationId, organizationId), inArray(licenses.status, [...IN_FORCE_STATUSES])))
    .limit(1);
  return license ?? null;
};

export const limitsOf = (
  license: Pick<typeof licenses.$inferSelect, "tier" | "customLimits" | "customFeatures">,
): Limits =>
  entitlementsFor({
    tier: license.tier,
    customLimits: license.customLimits as Limits | null,
    customFeatures: license.customFeatures as Feature[] | null,
  }).limits;

/** This period's usage of the organisation's license in force (zeros when it has none). */
export const getCurrentUsage = async (ctx: ServiceContext, organizationId: string) => {
  const license = await inForceLicense(ctx, organizationId);
  const now = ctx.clock.now();
  const usage = license ? await usageInPeriod(ctx.db, license.id, now) : zeroUsage();
  return { licenseId: license?.id ?? null, period: now.toISOString().slice(0, 7), usage };
};

/**
 * Per metric: used, limit, percent and OK / WARNING / EXCEEDED against the license's
 * entitlements, and where it is heading (`forecasts`, null without a license in force).
 */
export const checkLimits = async (ctx: ServiceContext, organizationId: string) => {
  const license = await inForceLicense(ctx, organizationId);
  const { usage, period } = await getCurrentUsage(ctx, organizationId);
  const limits = license ? limitsOf(license) : null;
  const metrics = Object.fromEntries(
    METRICS.map((metric) => [metric, limitStatus(usage[metric], limits ? limits[metric] : 0)]),
  ) as Record<Metric, LimitCheck>;
  const forecasts =
    license && limits
      ? ((
          await forecastsFor(
            ctx.db,
            [{ id: license.id, limits, expiresAt: license.expiresAt }],
            ctx.clock.now(),
          )
        ).get(license.id) ?? null)
      : null;
  return { licenseId: license?.id ?? null, tier: license?.tier ?? null, period, metrics, forecasts };
};

export interface UsageReport {
  from: string;
  to: string;
  days: string[];
  series: Record<Metric, { day: string; value: number }[]>;
  totals: Record<Metric, number>;
  peaks: Record<Metric, { day: string; value: number } | null>;
  limits: Limits | null;
}

type LimitSource = Parameters<typeof limitsOf>[0];

/**
 * The report's rows and the limits of the license in force, in one statement answering one
 * row: the rows as one JSON array of [metric, day, value] (parsed once, not a row object
 * each), only the columns the report uses.
 */
const reportRows = async (ctx: ServiceContext, organizationId: string, from: string, to: string) => {
  const result = await ctx.db.execute(sql`select
    (select coalesce(json_agg(json_build_array(d.metric, d.day, d.value)), '[]')
     from ${usageDaily} d where d.organization_id = ${organizationId} and d.day >= ${from} and d.day <= ${to}) as rows,
    (select json_build_object('tier', l.tier, 'customLimits', l.custom_limits, 'customFeatures', l.custom_features)
     from ${licenses} l where l.organization_id = ${organizationId}
       and l.status in (${sql.join(
         IN_FORCE_STATUSES.map((status) => sql`${status}`),
         sql`, `,
       )}) limit 1) as license`);
  const row = firstRow<{ rows: unknown; license: unknown }>(result);
  return {
    rows: parsedJson<[Metric, string, number][]>(row?.rows ?? []),
    license: row?.license ? parsedJson<LimitSource>(row.license) : null,
  };
};

/**
 * Daily series per metric between two days (inclusive, UTC), with totals (counters: the sum;
 * gauges: the last value) and peaks (the highest day).
 */
export const getUsageReport = async (
  ctx: ServiceContext,
  organizationId: string,
  range: { from: Date; to: Date },
): Promise<UsageReport> => {
  const from = utcDay(range.from);
  const to = utcDay(range.to);
  const { rows, license } = await reportRows(ctx, organizationId, from, to);
  const days: string[] = [];
  for (
    let day = new Date(`${from}T00:00:00Z`);
    utcDay(day) <= to;
    day = new Date(day.getTime() + 86_400_000)
  ) {
    days.push(utcDay(day));
  }
  // Per metric, day → value; several licenses on one day (a renewal into a new license):
  // counters add, gauges take the highest.
  const byDay = Object.fromEntries(METRICS.map((metric) => [metric, new Map<string, number>()])) as Record<
    Metric,
    Map<string, number>
  >;
  for (const [metric, day, value] of rows) {
    const values = byDay[metric];
    const previous = values.get(day);
    values.set(
      day,
      previous === undefined
        ? value
        : METRIC_KIND[metric] === "COUNTER"
          ? previous + value
          : Math.max(previous, value),
    );
  }
  const series = {} as UsageReport["series"];
  const totals = {} as UsageReport["totals"];
  const peaks = {} as UsageReport["peaks"];
  for (const metric of METRICS) {
    const values = byDay[metric];
    const points: { day: string; value: number }[] = [];
    let total = 0;
    let peak: { day: string; value: number } | null = null;
    for (const day of days) {
      const value = values.get(day);
      if (value === undefined) continue;
      const point = { day, value };
      points.push(point);
      total = METRIC_KIND[metric] === "COUNTER" ? total + value : value;
      if (!peak || value > peak.value) peak = point;
    }
    series[metric] = points;
    totals[metric] = total;
    peaks[metric] = peak;
  }
  return { from, to, days, series, totals, peaks, limits: license ? limitsOf(license) : null };
};

/**
 * The report as CSV: a header row, then one row per day and metric that has data. Each
 * series is in day order, so one cursor per metric walks it alongside the days.
 */
export const usageReportCsv = (report: UsageReport): string => {
  let csv = "day,metric,value\n";
  const next = Object.fromEntries(METRICS.map((metric) => [metric, 0])) as Record<Metric, number>;
  for (const day of report.days) {
    for (const metric of METRICS) {
      const point = report.series[metric][next[metric]];
      if (point?.day !== day) continue;
      csv += `${day},${metric},${point.value}\n`;
      next[metric]++;
    }
  }
  return csv;
};
