import type { Executor } from "@tessera/db";
import { usageDaily } from "@tessera/db/schema";
import {
  type DailyValue,
  forecastUsage,
  GAUGE_WINDOW_DAYS,
  type Limits,
  METRIC_KIND,
  METRICS,
  type Metric,
  periodStart,
  type UsageForecast,
  utcDay,
} from "@tessera/domain";
import { and, gte, inArray } from "drizzle-orm";

/** What a forecast needs of a license. */
interface ForecastLicense {
  id: string;
  limits: Limits;
  expiresAt: Date | null;
}

export type MetricForecasts = Record<Metric, UsageForecast>;

/** The first day a forecast reads: the gauges' 30-day window or the month's first day, whichever is earlier. */
const firstDayRead = (now: Date) => {
  const window = new Date(Date.parse(`${utcDay(now)}T00:00:00Z`) - (GAUGE_WINDOW_DAYS - 1) * 86_400_000);
  const month = periodStart(now);
  return utcDay(window < month ? window : month);
};

/**
 * Each license's forecast per metric from the daily rollup, one statement for all of them
 * (at most 31 days × 4 metrics a license, by the rollup's primary key).
 */
export const forecastsFor = async (
  db: Executor,
  licenses: ForecastLicense[],
  now: Date,
): Promise<Map<string, MetricForecasts>> => {
  const forecasts = new Map<string, MetricForecasts>();
  if (licenses.length === 0) return forecasts;
  const rows = await db
    .select({
      licenseId: usageDaily.licenseId,
      metric: usageDaily.metric,
      day: usageDaily.day,
      value: usageDaily.value,
    })
    .from(usageDaily)
    .where(
      and(
        inArray(
          usageDaily.licenseId,
          licenses.map((license) => license.id),
        ),
        gte(usageDaily.day, firstDayRead(now)),
      ),
    );
  const days = new Map<string, DailyValue[]>();
  for (const row of rows) {
    const key = `${row.licenseId}|${row.metric}`;
    const list = days.get(key) ?? [];
    list.push({ day: row.day, value: row.value });
    days.set(key, list);
  }
  for (const license of licenses) {
    const byMetric = Object.fromEntries(
      METRICS.map((metric) => [
        metric,
        forecastUsage({
          kind: METRIC_KIND[metric],
          days: days.get(`${license.id}|${metric}`) ?? [],
          limit: license.limits[metric],
          renewalAt: license.expiresAt,
          now,
        }),
      ]),
    ) as MetricForecasts;
    forecasts.set(license.id, byMetric);
  }
  return forecasts;
};
