import { METRIC_LABELS, METRICS, type Metric, type UsageForecast } from "@tessera/domain";
import type { DateFormatter } from "./dates/date-format.ts";
import { useDateFormat } from "./dates/use-date-format.ts";
import { formatMetric } from "./usage-metrics.ts";

type Forecast = Extract<UsageForecast, { status: "FORECAST" }>;
type Reach = NonNullable<Forecast["reaches100"]>;

const range = (reach: Reach, dates: DateFormatter) =>
  `range ${dates.utcDay(reach.earliest)} – ${reach.latest ? dates.utcDay(reach.latest) : "later"}`;

/** The sentence for one metric: when it reaches its limit (or 80 %), else where it ends the period. */
const forecastSentence = (metric: Metric, forecast: UsageForecast, dates: DateFormatter) => {
  if (forecast.status === "INSUFFICIENT_DATA")
    return forecast.method === "LINEAR_TREND"
      ? `Not enough data yet: ${forecast.points} of ${forecast.needed} daily values in the last 30 days.`
      : `Not enough data yet: ${forecast.points} of ${forecast.needed} days into the month.`;
  const { periodEnd } = forecast;
  const atPeriodEnd = `${formatMetric(metric, periodEnd.value)} at the end of the month (range ${formatMetric(metric, periodEnd.low)} – ${formatMetric(metric, periodEnd.high)})`;
  if (forecast.reaches100)
    return `Forecast: will reach 100 % on ${dates.utcDay(forecast.reaches100.on)} (${range(forecast.reaches100, dates)}); ${atPeriodEnd}.`;
  if (forecast.reaches80)
    return `Forecast: will reach 80 % on ${dates.utcDay(forecast.reaches80.on)} (${range(forecast.reaches80, dates)}); ${atPeriodEnd}.`;
  return `Forecast: ${atPeriodEnd}; ${forecast.trend.toLowerCase()}.`;
};

/** Per metric, where usage is heading: from the daily values, or "Not enough data yet". */
export const UsageForecasts = ({ forecasts }: { forecasts: Record<Metric, UsageForecast> }) => {
  const dates = useDateFormat();
  return (
    <ul className="space-y-3" aria-label="Forecasts">
      {METRICS.map((metric) => (
        <li key={metric} data-forecast={metric} className="text-sm text-fg-muted">
          <span className="font-medium text-fg">{METRIC_LABELS[metric]}</span>
          {": "}
          {forecastSentence(metric, forecasts[metric], dates)}
        </li>
      ))}
    </ul>
  );
};
