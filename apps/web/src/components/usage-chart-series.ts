import type { Metric } from "@tessera/domain";
import { formatScaled, type MetricScale, metricScale } from "./chart-format.ts";
import type { DateFormatter } from "./dates/date-format.ts";
import { isCounterMetric, type UsageReport } from "./usage-metrics.ts";

interface Point {
  day: string;
  /** The day's value in the chart's unit; null when a gauge had nothing reported that day. */
  value: number | null;
  /** Counters: the running total of the UTC month so far, which the monthly limit applies to. */
  monthToDate?: number;
}

/** What one metric's daily chart draws, already in its unit (storage in KiB … GiB). */
export interface MetricSeries {
  points: Point[];
  scale: MetricScale;
  /** The license's limit in the chart's unit; null when there is none. */
  limit: number | null;
  /** A sentence with the latest reported figures: the chart's text alternative. */
  latest: string;
  empty: boolean;
}

/**
 * The chart's points over every day of the range. A counter also gets its month-to-date
 * total, which starts from `carriedIn` (the calls of the month before the range began) and
 * restarts on the 1st of each month.
 */
const pointsOf = (report: UsageReport, metric: Metric, carriedIn: number, divisor: number): Point[] => {
  const byDay = new Map(report.series[metric].map((point) => [point.day, point.value]));
  let month = report.from.slice(0, 7);
  let monthToDate = carriedIn;
  return report.days.map((day) => {
    const raw = byDay.get(day);
    if (!isCounterMetric(metric)) return { day, value: raw === undefined ? null : raw / divisor };
    if (day.slice(0, 7) !== month) {
      month = day.slice(0, 7);
      monthToDate = 0;
    }
    monthToDate += raw ?? 0;
    return { day, value: raw ?? 0, monthToDate };
  });
};

const latestText = (metric: Metric, points: Point[], scale: MetricScale, dates: DateFormatter) => {
  const last = points.findLast(
    (point) => point.value !== null && (point.value > 0 || !isCounterMetric(metric)),
  );
  if (!last || last.value === null) return "Nothing was reported in this range.";
  const value = `${formatScaled(last.value, scale)} on ${dates.utcDay(last.day)}`;
  if (!isCounterMetric(metric)) return `Latest level: ${value}.`;
  const total = points.at(-1)?.monthToDate ?? 0;
  return `Latest day with calls: ${value}. This month to date: ${formatScaled(total, scale)}.`;
};

export const metricSeries = (
  report: UsageReport,
  metric: Metric,
  carriedIn: number,
  dates: DateFormatter,
): MetricSeries => {
  const rawLimit = report.limits?.[metric] ?? null;
  const peak = Math.max(0, ...report.series[metric].map((point) => point.value));
  const scale = metricScale(metric, Math.max(peak, rawLimit ?? 0));
  const points = pointsOf(report, metric, carriedIn, scale.divisor);
  return {
    points,
    scale,
    limit: rawLimit === null ? null : rawLimit / scale.divisor,
    latest: latestText(metric, points, scale, dates),
    empty: report.series[metric].length === 0,
  };
};
