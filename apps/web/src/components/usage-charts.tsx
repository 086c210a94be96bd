import { METRIC_LABELS, METRICS, type Metric, utcDay } from "@tessera/domain";
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { chartTitle, formatCount, formatDayTick, formatScaled } from "./chart-format.ts";
import { ChartEmpty, ChartLegend, type LegendEntry } from "./chart-parts.tsx";
import { CHART_COLORS, CHART_THEME_CLASS, TICK, TOOLTIP_PROPS } from "./chart-theme.ts";
import { useDateFormat } from "./dates/use-date-format.ts";
import { type MetricSeries, metricSeries } from "./usage-chart-series.ts";
import { isCounterMetric, type UsageReport } from "./usage-metrics.ts";

// Recharts is the heaviest part of the app: this module is loaded on demand (see usage-report.tsx).

const HEIGHT = 240;

/** Both value axes: from zero, full numbers with thousands separators, as wide as their labels. */
const VALUE_AXIS = { width: "auto", domain: [0, "auto"], tickFormatter: formatCount, tick: TICK } as const;

/** A counter: calls per day as bars (left axis), the month so far as a line (right axis). */
const counterMarks = () => (
  <>
    <YAxis {...VALUE_AXIS} yAxisId="total" orientation="right" allowDecimals={false} />
    <Bar
      yAxisId="value"
      dataKey="value"
      name="Calls that day"
      fill={CHART_COLORS.bar}
      isAnimationActive={false}
    />
    <Line
      yAxisId="total"
      dataKey="monthToDate"
      name="Month to date"
      stroke={CHART_COLORS.total}
      strokeWidth={2}
      dot={false}
      isAnimationActive={false}
    />
  </>
);

/** A gauge: the level reported each day, joined across days without a report. */
const gaugeMarks = () => (
  <Line
    yAxisId="value"
    dataKey="value"
    name="Level"
    stroke={CHART_COLORS.level}
    strokeWidth={2}
    connectNulls
    dot={{ r: 2, fill: CHART_COLORS.level }}
    isAnimationActive={false}
  />
);

/** The license's limit as a dashed line, on the axis of what it limits. */
const limitLine = (series: MetricSeries, counter: boolean) =>
  series.limit === null ? null : (
    <ReferenceLine
      yAxisId={counter ? "total" : "value"}
      y={series.limit}
      stroke={CHART_COLORS.limit}
      strokeDasharray="6 4"
      ifOverflow="extendDomain"
      label={{
        value: `${counter ? "Monthly limit" : "Limit"} ${formatScaled(series.limit, series.scale)}`,
        position: "insideTopLeft",
        fill: CHART_COLORS.limit,
        fontSize: 12,
      }}
    />
  );

/**
 * The chart itself. A counter's month-to-date total gets its own axis: the monthly limit
 * belongs to that total, and on a shared axis it would flatten the daily bars.
 */
const MetricPlot = ({
  report,
  metric,
  series,
  title,
}: {
  report: UsageReport;
  metric: Metric;
  series: MetricSeries;
  title: string;
}) => {
  const dates = useDateFormat();
  const counter = isCounterMetric(metric);
  const withYear = report.from.slice(0, 4) !== report.to.slice(0, 4);
  const valueText = (value: unknown) =>
    typeof value === "number" ? formatScaled(value, series.scale) : "Not reported";
  return (
    <ComposedChart
      responsive
      style={{ width: "100%", height: HEIGHT }}
      data={series.points}
      margin={{ top: 16, right: 8, bottom: 0, left: 0 }}
      title={title}
      desc={series.latest}
    >
      <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} yAxisId="value" />
      <XAxis
        dataKey="day"
        tickFormatter={(day: string) => formatDayTick(day, withYear)}
        interval="preserveStartEnd"
        minTickGap={16}
        tick={TICK}
      />
      <YAxis {...VALUE_AXIS} yAxisId="value" allowDecimals={metric === "STORAGE_BYTES"} />
      <Tooltip
        {...TOOLTIP_PROPS}
        labelFormatter={(day) => dates.utcDay(String(day))}
        formatter={(value, name) => [valueText(value), name]}
      />
      {counter ? counterMarks() : gaugeMarks()}
      {limitLine(series, counter)}
    </ComposedChart>
  );
};

/** The legend in words: which mark is which, on which axis, and what the limit applies to. */
const legendOf = (metric: Metric, series: MetricSeries): LegendEntry[] => {
  const counter = isCounterMetric(metric);
  const entries: LegendEntry[] = counter
    ? [
        { label: "Calls each day (bars, left axis)", color: CHART_COLORS.bar, mark: "bar" },
        { label: "Calls this month so far (line, right axis)", color: CHART_COLORS.total, mark: "line" },
      ]
    : [
        {
          label: `Level reported each day, in ${series.scale.unit}`,
          color: CHART_COLORS.level,
          mark: "line",
        },
      ];
  if (series.limit !== null) {
    entries.push({
      label: counter ? "Monthly limit (right axis; the month restarts on the 1st, UTC)" : "License limit",
      color: CHART_COLORS.limit,
      mark: "dashed",
    });
  }
  return entries;
};

const limitNote = (report: UsageReport, metric: Metric) =>
  report.limits === null
    ? "No license in force, so no limit."
    : report.limits[metric] === null
      ? "No limit (unlimited)."
      : "";

const MetricChart = ({
  report,
  metric,
  carriedIn,
}: {
  report: UsageReport;
  metric: Metric;
  carriedIn: number;
}) => {
  const dates = useDateFormat();
  const series = metricSeries(report, metric, carriedIn, dates);
  const title = chartTitle(METRIC_LABELS[metric], series.scale);
  const note = limitNote(report, metric);
  return (
    <figure
      className={`min-w-0 rounded-md border border-line p-4 ${CHART_THEME_CLASS}`}
      data-metric-chart={metric}
    >
      <figcaption className="mb-2">
        <h3 className="text-sm font-semibold text-fg">{title}</h3>
        {series.empty && !note ? null : (
          <p className="text-xs text-fg-muted">{series.empty ? note : `${series.latest} ${note}`.trim()}</p>
        )}
      </figcaption>
      {series.empty ? (
        <ChartEmpty title="Nothing was reported in this range." height={96} />
      ) : (
        <>
          <MetricPlot
            report={report}
            metric={metric}
            series={series}
            title={`${title} per day, ${dates.utcDay(report.from)} to ${dates.utcDay(report.to)}`}
          />
          <ChartLegend entries={legendOf(metric, series)} />
        </>
      )}
    </figure>
  );
};

/** Nothing at all in the range: one message rather than four empty charts. */
const NoUsage = ({ report }: { report: UsageReport }) => {
  const dates = useDateFormat();
  return (
    <ChartEmpty
      title={report.to >= utcDay(new Date()) ? "No usage reported yet" : "No usage reported in this range"}
      detail={`Nothing was reported from ${dates.utcDay(report.from)} to ${dates.utcDay(report.to)} (UTC). The charts appear once the platform reports usage.`}
      height={160}
    />
  );
};

/**
 * One full-width chart per metric over the report's days (they are the point of the page),
 * each with its limit drawn where there is one.
 */
export const UsageCharts = ({ report, apiCallsBefore }: { report: UsageReport; apiCallsBefore: number }) =>
  METRICS.every((metric) => report.series[metric].length === 0) ? (
    <NoUsage report={report} />
  ) : (
    <div className="space-y-4">
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
