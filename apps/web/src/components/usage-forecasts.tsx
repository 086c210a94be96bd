import { METRIC_LABELS, METRICS, type Metric, type UsageForecast } from "@tessera/domain";
import { formatMetric, formatUtcDay } from "./usage-metrics.ts";

type Forecast = Extract<UsageForecast, { status: "FORECAST" }>;
type Reach = NonNullable<Forecast["reaches100"]>;

const range = (reach: Reach) =>
  `range ${formatUtcDay(reach.earliest)} – ${reach.latest ? formatUtcDay(reach.latest) : "later"}`;

/** The sentence for one metric: when it reaches its limit (or 80 %), else where it ends the period. */
const forecastSentence = (metric: Metric, forecast: UsageForecast) => {
  if (forecast.status === "INSUFFICIENT_DATA")
    return forecast.method === "LINEAR_TREND"
      ? `Not enough data yet: ${forecast.points} of ${forecast.needed} daily values in the last 30 days.`
      : `Not enough data yet: ${forecast.points} of ${forecast.needed} days into the month.`;
  const { periodEnd } = forecast;
  const atPeriodEnd = `${formatMetric(metric, periodEnd.value)} at the end of the month (range ${formatMetric(metric, periodEnd.low)} – ${formatMetric(metric, periodEnd.high)})`;
  if (forecast.reaches100)
    return `Forecast: will reach 100 % on ${formatUtcDay(forecast.reaches100.on)} (${range(forecast.reaches100)}); ${atPeriodEnd}.`;
  if (forecast.reaches80)
    return `Forecast: will reach 80 % on ${formatUtcDay(forecast.reaches80.on)} (${range(forecast.reaches80)}); ${atPeriodEnd}.`;
  return `Forecast: ${atPeriodEnd}; ${forecast.trend.toLowerCase()}.`;
};

/** Per metric, where usage is heading: from the daily values, or "Not enough data yet". */
export const UsageForecasts = ({ forecasts }: { forecasts: Record<Metric, UsageForecast> }) => (
  <ul className="space-y-3" aria-label="Forecasts">
    {METRICS.map((metric) => (
      <li key={metric} data-forecast={metric} className="text-sm text-slate-700 dark:text-slate-300">
        <span className="font-medium text-slate-900 dark:text-slate-100">{METRIC_LABELS[metric]}</span>
        {": "}
        {forecastSentence(metric, forecasts[metric])}
      </li>
    ))}
  </ul>
);
