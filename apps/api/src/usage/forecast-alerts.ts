import { licenses, usageForecastAlerts } from "@tessera/db/schema";
import { IN_FORCE_STATUSES, METRICS, usagePeriod } from "@tessera/domain";
import { and, asc, gt, inArray } from "drizzle-orm";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { jobContext } from "../jobs/job-context.ts";
import { forecastsFor } from "./forecasts.ts";
import { licenseLimitColumns, limitsOf } from "./usage-report.ts";

/** Licenses forecast a batch at a time: each reads up to a month of daily rows per metric. */
const BATCH = 200;
const THRESHOLDS = [80, 100] as const;

type ForecastAlertRow = typeof usageForecastAlerts.$inferInsert;

/** The forecast alerts one batch of licenses calls for at `now`: each threshold a metric is forecast to reach. */
const alertsDue = async (deps: Pick<AppDeps, "db">, batch: BatchLicense[], now: Date) => {
  const forecasts = await forecastsFor(
    deps.db,
    batch.map((license) => ({ id: license.id, limits: limitsOf(license), expiresAt: license.expiresAt })),
    now,
  );
  const rows: ForecastAlertRow[] = [];
  for (const license of batch) {
    const limits = limitsOf(license);
    for (const metric of METRICS) {
      const forecast = forecasts.get(license.id)?.[metric];
      const limit = limits[metric];
      if (forecast?.status !== "FORECAST" || limit === null) continue;
      for (const threshold of THRESHOLDS) {
        const reach = threshold === 80 ? forecast.reaches80 : forecast.reaches100;
        if (!reach) continue;
        rows.push({
          licenseId: license.id,
          organizationId: license.organizationId,
          metric,
          threshold,
          period: usagePeriod(now),
          reachesOn: reach.on,
          used: Math.round(forecast.current),
          limit,
          createdAt: now,
        });
      }
    }
  }
  return rows;
};

type BatchLicense = Awaited<ReturnType<typeof licenseBatch>>[number];

const licenseBatch = (deps: Pick<AppDeps, "db">, after: string | null) =>
  deps.db
    .select({ ...licenseLimitColumns, expiresAt: licenses.expiresAt })
    .from(licenses)
    .where(
      and(
        inArray(licenses.status, [...IN_FORCE_STATUSES]),
        after === null ? undefined : gt(licenses.id, after),
      ),
    )
    .orderBy(asc(licenses.id))
    .limit(BATCH);

/** Insert the alerts, once each (the unique key decides, also between two processes), recording those raised. */
const raiseOnce = (deps: Pick<AppDeps, "db">, ctx: ServiceContext, rows: ForecastAlertRow[]) =>
  deps.db.transaction(async (tx) => {
    const created = await tx
      .insert(usageForecastAlerts)
      .values(rows)
      .onConflictDoNothing({
        target: [
          usageForecastAlerts.licenseId,
          usageForecastAlerts.metric,
          usageForecastAlerts.threshold,
          usageForecastAlerts.period,
        ],
      })
      .returning();
    for (const alert of created) {
      await recordEvent(tx, ctx, {
        action: "usage.forecast_alert_raised",
        organizationId: alert.organizationId,
        targetType: "usage_forecast_alert",
        targetId: alert.id,
        after: {
          metric: alert.metric,
          threshold: alert.threshold,
          period: alert.period,
          reachesOn: alert.reachesOn,
          used: alert.used,
          limit: alert.limit,
        },
      });
    }
    return created.length;
  });

/**
 * The `usage-forecast-alerts` job at `now`: for every license in force, a "will reach 80 % /
 * 100 % on <day>" alert per metric and threshold the forecast dates, once per period.
 */
export const raiseForecastAlerts = async (
  deps: Pick<AppDeps, "db">,
  now: Date,
): Promise<{ raised: number }> => {
  const ctx = jobContext(deps, now, "usage-forecast-alerts");
  let raised = 0;
  let after: string | null = null;
  for (;;) {
    const batch = await licenseBatch(deps, after);
    if (batch.length === 0) break;
    const rows = await alertsDue(deps, batch, now);
    if (rows.length > 0) raised += await raiseOnce(deps, ctx, rows);
    if (batch.length < BATCH) break;
    after = batch.at(-1)?.id ?? null;
  }
  return { raised };
};
