import { METRIC_LABELS, METRICS, type Metric } from "@tessera/domain";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  formatMetric,
  formatUtcDay,
  isCounterMetric,
  metricUnits,
  type UsageReport,
} from "./usage-metrics.ts";

// Recharts is the heaviest part of the app: this module is loaded on demand (see usage-report.tsx).

interface Point {
  day: string;
  /** The day's value in display units (GiB for storage); null when nothing was reported that day. */
  value: number | null;
  /** Counters: the running total of the UTC month so far, which the monthly limit applies to. */
  monthToDate?: number;
}

const COLORS = {
  line: "#4f46e5",
  bar: "#a5b4fc",
  total: "#3730a3",
  limit: "#b91c1c",
  grid: "var(--chart-grid)",
};

const formatUnits = (metric: Metric, units: number) =>
  metric === "STORAGE_BYTES"
    ? `${units.toLocaleString(undefined, { maximumFractionDigits: 2 })} GiB`
    : units.toLocaleString();

const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

/**
 * The chart's points over every day of the range. A counter also gets its month-to-date
 * total, which starts from `carriedIn` (the calls of the month before the range began) and
 * restarts on the 1st of each month.
 */
const pointsOf = (report: UsageReport, metric: Metric, carriedIn: number): Point[] => {
  const byDay = new Map(report.series[metric].map((point) => [point.day, point.value]));
  let month = report.from.slice(0, 7);
  let monthToDate = carriedIn;
  return report.days.map((day) => {
    const raw = byDay.get(day);
    if (!isCounterMetric(metric)) return { day, value: raw === undefined ? null : metricUnits(metric, raw) };
    if (day.slice(0, 7) !== month) {
      month = day.slice(0, 7);
      monthToDate = 0;
    }
    monthToDate += raw ?? 0;
    return { day, value: raw ?? 0, monthToDate };
  });
};

/** The chart itself: bars and a month-to-date line for counters, a level line otherwise, and the limit. */
const MetricPlot = ({
  report,
  metric,
  points,
  limitUnits,
  limitText,
}: {
  report: UsageReport;
  metric: Metric;
  points: ReturnType<typeof pointsOf>;
  limitUnits: number | null;
  limitText: string;
}) => {
  const label = METRIC_LABELS[metric];
  const counter = isCounterMetric(metric);
  return (
    <ComposedChart
      responsive
      style={{ width: "100%", height: 220 }}
      data={points}
      margin={{ top: 16, right: 12, bottom: 0, left: 0 }}
      title={`${label} per day, ${formatUtcDay(report.from)} to ${formatUtcDay(report.to)}`}
      desc={limitText}
    >
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis
        dataKey="day"
        tickFormatter={(day: string) => formatUtcDay(day, "short")}
        minTickGap={24}
        tick={{ fontSize: 12, fill: "var(--chart-tick)" }}
      />
      <YAxis
        width={56}
        domain={[0, "auto"]}
        allowDecimals={metric === "STORAGE_BYTES"}
        tickFormatter={(value: number) => compact.format(value)}
        tick={{ fontSize: 12, fill: "var(--chart-tick)" }}
      />
      <Tooltip
        labelFormatter={(day) => formatUtcDay(String(day))}
        contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" }}
        itemStyle={{ color: "#1e293b" }}
        formatter={(value) => (typeof value === "number" ? formatUnits(metric, value) : "Not reported")}
      />
      {counter ? (
        <>
          <Bar dataKey="value" name="Calls per day" fill={COLORS.bar} isAnimationActive={false} />
          <Line
            dataKey="monthToDate"
            name="Month to date"
            stroke={COLORS.total}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Legend
            wrapperStyle={{ fontSize: 12 }}
            formatter={(name) => <span className="text-slate-700 dark:text-slate-300">{name}</span>}
          />
        </>
      ) : (
        <Line
          dataKey="value"
          name={label}
          stroke={COLORS.line}
          strokeWidth={2}
          connectNulls
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
      )}
      {limitUnits !== null && (
        <ReferenceLine
          y={limitUnits}
          stroke={COLORS.limit}
          strokeDasharray="6 4"
          ifOverflow="extendDomain"
          label={{
            value: `${counter ? "Monthly limit" : "Limit"} ${formatUnits(metric, limitUnits)}`,
            position: "insideTopLeft",
            fill: COLORS.limit,
            fontSize: 12,
          }}
        />
      )}
    </ComposedChart>
  );
};

const MetricChart = ({
  report,
  metric,
  carriedIn,
}: {
  report: UsageReport;
  metric: Metric;
  carriedIn: number;
}) => {
  const label = METRIC_LABELS[metric];
  const counter = isCounterMetric(metric);
  const limit = report.limits?.[metric] ?? null;
  const limitUnits = limit === null ? null : metricUnits(metric, limit);
  const points = pointsOf(report, metric, carriedIn);
  const empty = report.series[metric].length === 0;
  const limitText =
    report.limits === null
      ? "No license in force, so no limit."
      : limit === null
        ? "No limit (unlimited)."
        : counter
          ? `The red line is the monthly limit of ${formatMetric(metric, limit)}; it applies to the month-to-date line, which restarts on the 1st (UTC).`
          : `The red line is the limit of ${formatMetric(metric, limit)}.`;
  return (
    <figure
      className="min-w-0 rounded-md border border-slate-200 dark:border-slate-700 p-4"
      data-metric-chart={metric}
    >
      <figcaption className="mb-2">
        <h3 className="text-sm font-semibold text-slate-900 dark:text-slate-100">{label}</h3>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          {counter
            ? "Bars: calls per day. "
            : `Level reported each day${metric === "STORAGE_BYTES" ? ", in GiB" : ""}. `}
          {limitText}
        </p>
      </figcaption>
      {empty ? (
        <p className="flex h-[220px] items-center justify-center rounded bg-slate-50 dark:bg-slate-800 text-sm text-slate-600 dark:text-slate-300">
          Nothing was reported in this range.
        </p>
      ) : (
        <MetricPlot
          report={report}
          metric={metric}
          points={points}
          limitUnits={limitUnits}
          limitText={limitText}
        />
      )}
    </figure>
  );
};

/** One chart per metric over the report's days, each with its limit drawn where there is one. */
export const UsageCharts = ({ report, apiCallsBefore }: { report: UsageReport; apiCallsBefore: number }) => (
  <div className="grid gap-4 lg:grid-cols-2">
    {METRICS.map((metric) => (
      <MetricChart
        key={metric}
        report={report}
        metric={metric}
        carriedIn={metric === "API_CALLS" ? apiCallsBefore : 0}
      />
    ))}
  </div>
);
