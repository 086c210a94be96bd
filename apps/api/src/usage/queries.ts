import { licenses, organizations, usageAlerts, usageDaily, usageMonthly } from "@tessera/db/schema";
import {
  DomainError,
  entitlementsFor,
  type Feature,
  IN_FORCE_STATUSES,
  type LimitCheck,
  type LimitStatus,
  type Limits,
  limitStatus,
  METRIC_KIND,
  METRICS,
  type Metric,
  pageOffset,
  toPage,
  trendMonths,
  type UsageAlertsInput,
  type UsageStatsInput,
  utcDay,
} from "@tessera/domain";
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sum } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { usageForLicenses, usageInPeriod } from "./current-usage.ts";

const inForceLicense = async (ctx: ServiceContext, organizationId: string) => {
  const [license] = await ctx.db
    .select()
    .from(licenses)
    .where(and(eq(licenses.organizationId, organizationId), inArray(licenses.status, [...IN_FORCE_STATUSES])))
    .limit(1);
  return license ?? null;
};

const limitsOf = (license: typeof licenses.$inferSelect): Limits =>
  entitlementsFor({
    tier: license.tier,
    customLimits: license.customLimits as Limits | null,
    customFeatures: license.customFeatures as Feature[] | null,
  }).limits;

/** This period's usage of the organisation's license in force (zeros when it has none). */
export const getCurrentUsage = async (ctx: ServiceContext, organizationId: string) => {
  const license = await inForceLicense(ctx, organizationId);
  const now = ctx.clock.now();
  const usage = license
    ? await usageInPeriod(ctx.db, license.id, now)
    : { ACTIVE_USERS: 0, COURSES: 0, API_CALLS: 0, STORAGE_BYTES: 0 };
  return { licenseId: license?.id ?? null, period: now.toISOString().slice(0, 7), usage };
};

/** Per metric: used, limit, percent and OK / WARNING / EXCEEDED against the license's entitlements. */
export const checkLimits = async (ctx: ServiceContext, organizationId: string) => {
  const license = await inForceLicense(ctx, organizationId);
  const { usage, period } = await getCurrentUsage(ctx, organizationId);
  const limits = license ? limitsOf(license) : null;
  const metrics = Object.fromEntries(
    METRICS.map((metric) => [metric, limitStatus(usage[metric], limits ? limits[metric] : 0)]),
  ) as Record<Metric, LimitCheck>;
  return { licenseId: license?.id ?? null, tier: license?.tier ?? null, period, metrics };
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
  const rows = await ctx.db
    .select({ metric: usageDaily.metric, day: usageDaily.day, value: usageDaily.value })
    .from(usageDaily)
    .where(
      and(eq(usageDaily.organizationId, organizationId), gte(usageDaily.day, from), lte(usageDaily.day, to)),
    )
    .orderBy(asc(usageDaily.day));
  const days: string[] = [];
  for (
    let day = new Date(`${from}T00:00:00Z`);
    utcDay(day) <= to;
    day = new Date(day.getTime() + 86_400_000)
  ) {
    days.push(utcDay(day));
  }
  const byMetricDay = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.metric}|${row.day}`;
    // several licenses on one day (a renewal into a new license): counters add, gauges take the highest
    const previous = byMetricDay.get(key);
    byMetricDay.set(
      key,
      previous === undefined
        ? row.value
        : METRIC_KIND[row.metric] === "COUNTER"
          ? previous + row.value
          : Math.max(previous, row.value),
    );
  }
  const series = {} as UsageReport["series"];
  const totals = {} as UsageReport["totals"];
  const peaks = {} as UsageReport["peaks"];
  for (const metric of METRICS) {
    const points = days.flatMap((day) => {
      const value = byMetricDay.get(`${metric}|${day}`);
      return value === undefined ? [] : [{ day, value }];
    });
    series[metric] = points;
    totals[metric] =
      METRIC_KIND[metric] === "COUNTER"
        ? points.reduce((sum, point) => sum + point.value, 0)
        : (points.at(-1)?.value ?? 0);
    peaks[metric] = points.reduce<{ day: string; value: number } | null>(
      (peak, point) => (!peak || point.value > peak.value ? point : peak),
      null,
    );
  }
  const license = await inForceLicense(ctx, organizationId);
  return { from, to, days, series, totals, peaks, limits: license ? limitsOf(license) : null };
};

/** The report as CSV: a header row, then one row per day and metric that has data. */
export const usageReportCsv = (report: UsageReport): string => {
  const lines = ["day,metric,value"];
  for (const day of report.days) {
    for (const metric of METRICS) {
      const point = report.series[metric].find((entry) => entry.day === day);
      if (point) lines.push(`${day},${metric},${point.value}`);
    }
  }
  return `${lines.join("\n")}\n`;
};

/**
 * Staff overview: for every license in force, this period's usage against its limits;
 * organisations sorted by how close they are to a limit, and the top consumers per metric.
 */
export const getUsageStats = async (ctx: ServiceContext, options: z.output<typeof UsageStatsInput>) => {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ license: licenses, organizationName: organizations.name })
    .from(licenses)
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .where(inArray(licenses.status, [...IN_FORCE_STATUSES]));
  const usageByLicense = await usageForLicenses(
    ctx.db,
    rows.map((row) => row.license.id),
    now,
  );
  const entries = rows.map(({ license, organizationName }) => {
    // every id asked for has an entry (zeros where nothing was reported)
    const usage = usageByLicense.get(license.id) ?? {
      ACTIVE_USERS: 0,
      COURSES: 0,
      API_CALLS: 0,
      STORAGE_BYTES: 0,
    };
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
      organizationName,
      licenseId: license.id,
      tier: license.tier,
      usage,
      checks,
      worstPercent: worst,
      worstStatus,
    };
  });
  const byCloseness = [...entries].sort((a, b) => b.worstPercent - a.worstPercent);
  const { top, page, pageSize, status } = options;
  const atRisk = byCloseness.filter((entry) => entry.worstStatus !== "OK");
  const listed = !status
    ? byCloseness
    : status === "AT_RISK"
      ? atRisk
      : atRisk.filter((entry) => entry.worstStatus === status);
  return {
    period: now.toISOString().slice(0, 7),
    /** Closest to a limit first, a page at a time. */
    organizations: toPage(
      listed.slice(pageOffset(page, pageSize), pageOffset(page, pageSize) + pageSize),
      listed.length,
      page,
      pageSize,
    ),
    atRisk: {
      total: atRisk.length,
      warning: atRisk.filter((entry) => entry.worstStatus === "WARNING").length,
      first: atRisk.slice(0, top),
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

/** Alerts, newest first; `scopeOrganizationId` is the tenant filter for customers. */
export const getUsageAlerts = async (
  ctx: ServiceContext,
  input: z.output<typeof UsageAlertsInput>,
  scopeOrganizationId: string | null,
) => {
  const conditions: SQL[] = [];
  const organizationId = scopeOrganizationId ?? input.organizationId;
  if (organizationId) conditions.push(eq(usageAlerts.organizationId, organizationId));
  if (input.acknowledged === true) conditions.push(isNotNull(usageAlerts.acknowledgedAt));
  if (input.acknowledged === false) conditions.push(isNull(usageAlerts.acknowledgedAt));
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, totals] = await Promise.all([
    ctx.db
      .select({ alert: usageAlerts, organizationName: organizations.name })
      .from(usageAlerts)
      .innerJoin(organizations, eq(organizations.id, usageAlerts.organizationId))
      .where(where)
      .orderBy(desc(usageAlerts.createdAt), desc(usageAlerts.threshold))
      .limit(input.pageSize)
      .offset(pageOffset(input.page, input.pageSize)),
    ctx.db.select({ total: count() }).from(usageAlerts).where(where),
  ]);
  return toPage(
    items.map((row) => ({ ...row.alert, organizationName: row.organizationName })),
    totals[0]?.total ?? 0,
    input.page,
    input.pageSize,
  );
};

export const acknowledgeAlert = async (
  ctx: ServiceContext,
  alertId: string,
  scopeOrganizationId: string | null,
) =>
  ctx.db.transaction(async (tx) => {
    const scope = scopeOrganizationId ? eq(usageAlerts.organizationId, scopeOrganizationId) : undefined;
    const [alert] = await tx
      .select()
      .from(usageAlerts)
      .where(and(eq(usageAlerts.id, alertId), scope));
    if (!alert) throw new DomainError("NOT_FOUND", "Alert not found", { field: "alertId" });
    if (alert.acknowledgedAt) return alert;
    const acknowledgedAt = ctx.clock.now();
    const acknowledgedBy = ctx.actor?.email ?? "system";
    // Conditional: of concurrent acknowledgements exactly one changes the row, and only it is audited.
    const [updated] = await tx
      .update(usageAlerts)
      .set({ acknowledgedAt, acknowledgedBy })
      .where(and(eq(usageAlerts.id, alertId), isNull(usageAlerts.acknowledgedAt)))
      .returning();
    if (!updated) {
      const [settled] = await tx.select().from(usageAlerts).where(eq(usageAlerts.id, alertId));
      return settled ?? alert;
    }
    await recordEvent(tx, ctx, {
      action: "usage.alert_acknowledged",
      organizationId: alert.organizationId,
      targetType: "usage_alert",
      targetId: alertId,
      before: { acknowledgedAt: null },
      after: { acknowledgedAt, acknowledgedBy },
    });
    return updated;
  });

/**
 * Platform-wide usage per month for the last `months` months, from the monthly rollups:
 * API calls summed; each gauge as the sum over licenses of their highest level in the month.
 */
export const getUsageTrend = async (ctx: ServiceContext, months: number) => {
  const periods = trendMonths(months, ctx.clock.now());
  const rows = await ctx.db
    .select({
      metric: usageMonthly.metric,
      month: usageMonthly.month,
      total: sum(usageMonthly.value).mapWith(Number),
    })
    .from(usageMonthly)
    .where(gte(usageMonthly.month, utcDay(periods[0]?.start ?? ctx.clock.now())))
    .groupBy(usageMonthly.metric, usageMonthly.month);
  const totals = new Map(rows.map((row) => [`${row.metric}|${row.month.slice(0, 7)}`, row.total]));
  return periods.map(({ month }) => ({
    month,
    usage: Object.fromEntries(
      METRICS.map((metric) => [metric, totals.get(`${metric}|${month}`) ?? 0]),
    ) as Record<Metric, number>,
  }));
};
