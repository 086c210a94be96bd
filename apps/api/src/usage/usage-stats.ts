import { licenses, organizations, usagePlatformMonthly } from "@tessera/db/schema";
import {
  IN_FORCE_STATUSES,
  type LimitCheck,
  type LimitStatus,
  limitStatus,
  METRICS,
  type Metric,
  pageOffset,
  toPage,
  trendMonths,
  type UsageStatsInput,
  utcDay,
} from "@tessera/domain";
import { eq, gte, inArray, sql, sum } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import {
  periodUsageColumns,
  periodUsageTable,
  usageOfRow,
  withLateGauges,
  zeroUsage,
} from "./current-usage.ts";
import { forecastsFor, type MetricForecasts } from "./forecasts.ts";
import { licenseLimitColumns, limitsOf } from "./usage-report.ts";

/** The licenses in force with their organisation and this period's usage, in one statement. */
const licensesInForceWithUsage = async (ctx: ServiceContext, now: Date) => {
  const inForce = inArray(licenses.status, [...IN_FORCE_STATUSES]);
  const rows = await ctx.db
    .select({
      ...licenseLimitColumns,
      expiresAt: licenses.expiresAt,
      organizationName: organizations.name,
      ...periodUsageColumns,
    })
    .from(licenses)
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .leftJoin(
      periodUsageTable(sql`select ${licenses.id} from ${licenses} where ${inForce}`, now),
      sql`usage.license_id = ${licenses.id}`,
    )
    .where(inForce);
  const usageByLicense = await withLateGauges(
    ctx.db,
    new Map(rows.map((row) => [row.id, usageOfRow(row)])),
    rows.filter((row) => row.late).map((row) => row.id),
    now,
  );
  return rows.map((license) => {
    const usage = usageByLicense.get(license.id) ?? zeroUsage();
    const limits = limitsOf(license);
    const checks = Object.fromEntries(
      METRICS.map((metric) => [metric, limitStatus(usage[metric], limits[metric])]),
    ) as Record<Metric, LimitCheck>;
    const worst = Math.max(...METRICS.map((metric) => checks[metric].percent ?? 0));
    const statuses = METRICS.map((metric) => checks[metric].status);
    const worstStatus: LimitStatus = statuses.includes("EXCEEDED")
      ? "EXCEEDED"
      : statuses.includes("WARNING")
        ? "WARNING"
        : "OK";
    return {
      organizationId: license.organizationId,
      organizationName: license.organizationName,
      licenseId: license.id,
      tier: license.tier,
      limits,
      expiresAt: license.expiresAt,
      usage,
      checks,
      worstPercent: worst,
      worstStatus,
    };
  });
};

/**
 * Staff overview: for every license in force, this period's usage against its limits;
 * organisations sorted by how close they are to a limit, and the top consumers per metric.
 */
export const getUsageStats = async (ctx: ServiceContext, options: z.output<typeof UsageStatsInput>) => {
  const now = ctx.clock.now();
  const entries = await licensesInForceWithUsage(ctx, now);
  const byCloseness = [...entries].sort((a, b) => b.worstPercent - a.worstPercent);
  const { top, page, pageSize, status } = options;
  const atRisk = byCloseness.filter((entry) => entry.worstStatus !== "OK");
  const listed = !status
    ? byCloseness
    : status === "AT_RISK"
      ? atRisk
      : atRisk.filter((entry) => entry.worstStatus === status);
  const pageEntries = listed.slice(pageOffset(page, pageSize), pageOffset(page, pageSize) + pageSize);
  const firstAtRisk = atRisk.slice(0, top);
  // Forecasts only for the entries shown: each reads a month of daily rows.
  const forecasts = await forecastsFor(
    ctx.db,
    [...new Set([...pageEntries, ...firstAtRisk])].map((entry) => ({
      id: entry.licenseId,
      limits: entry.limits,
      expiresAt: entry.expiresAt,
    })),
    now,
  );
  const shown = (entry: (typeof entries)[number]) => {
    const { limits: _limits, expiresAt: _expiresAt, ...rest } = entry;
    return { ...rest, forecasts: forecasts.get(entry.licenseId) as MetricForecasts };
  };
  return {
    period: now.toISOString().slice(0, 7),
    /** Closest to a limit first, a page at a time. */
    organizations: toPage(pageEntries.map(shown), listed.length, page, pageSize),
    atRisk: {
      total: atRisk.length,
      warning: atRisk.filter((entry) => entry.worstStatus === "WARNING").length,
      first: firstAtRisk.map(shown),
    },
    topConsumers: Object.fromEntries(
      METRICS.map((metric) => [
        metric,
        [...entries]
          .sort((a, b) => b.usage[metric] - a.usage[metric])
          .slice(0, top)
          .filter((entry) => entry.usage[metric] > 0)
          .map((entry) => ({
            organizationId: entry.organizationId,
            organizationName: entry.organizationName,
            used: entry.usage[metric],
          })),
      ]),
    ) as Record<Metric, { organizationId: string; organizationName: string; used: number }[]>,
  };
};

/**
 * Platform-wide usage per month for the last `months` months, from the platform rollup (a
 * few shard rows per metric × month): API calls summed; each gauge as the sum over licenses
 * of their highest level in the month.
 */
export const getUsageTrend = async (ctx: ServiceContext, months: number) => {
  const periods = trendMonths(months, ctx.clock.now());
  const rows = await ctx.db
    .select({
      metric: usagePlatformMonthly.metric,
      month: usagePlatformMonthly.month,
      total: sum(usagePlatformMonthly.value).mapWith(Number),
    })
    .from(usagePlatformMonthly)
    .where(gte(usagePlatformMonthly.month, utcDay(periods[0]?.start ?? ctx.clock.now())))
    .groupBy(usagePlatformMonthly.metric, usagePlatformMonthly.month);
  const totals = new Map(rows.map((row) => [`${row.metric}|${row.month.slice(0, 7)}`, row.total]));
  return periods.map(({ month }) => ({
    month,
    usage: Object.fromEntries(
      METRICS.map((metric) => [metric, totals.get(`${metric}|${month}`) ?? 0]),
    ) as Record<Metric, number>,
  }));
};
