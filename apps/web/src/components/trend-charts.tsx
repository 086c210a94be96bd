import type { AppRouter } from "@tessera/api";
import { METRIC_LABELS, METRICS, type Metric, TIER_LABELS, TIERS } from "@tessera/domain";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { chartTitle, formatCount, formatMonthTick, formatScaled, metricScale } from "./chart-format.ts";
import { ChartEmpty, ChartLegend } from "./chart-parts.tsx";
import { CHART_COLORS, CHART_THEME_CLASS, TICK, TIER_COLORS, TOOLTIP_PROPS } from "./chart-theme.ts";
import { useDateFormat } from "./dates/use-date-format.ts";
import { formatMetric } from "./usage-metrics.ts";

// Loaded on demand like usage-charts.tsx: Recharts stays out of the first page's JavaScript.

type Outputs = inferRouterOutputs<AppRouter>;
export type LicenseTrend = Outputs["licenses"]["trend"];
export type UsageTrend = Outputs["usage"]["trend"];

/** Months with their year ("Nov 2026"); as many as fit, always the first and the latest. */
const MONTH_AXIS = {
  dataKey: "month",
  tickFormatter: formatMonthTick,
  interval: "preserveStartEnd",
  minTickGap: 8,
  tick: TICK,
} as const;

const CAPTION = "text-sm font-medium text-fg";
const NOTE = "text-xs text-fg-muted";

/** The numbers behind a chart, for screen readers and anyone who wants the figures. */
const Figures = ({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) => (
  <details className="mt-2 text-sm">
    <summary className="cursor-pointer text-indigo-700 dark:text-indigo-300 hover:underline">
      Show the figures
    </summary>
    <Table label={caption} className="mt-2 text-xs tabular-nums">
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <tr>
          {head.map((cell) => (
            <TableHead key={cell}>{cell}</TableHead>
          ))}
        </tr>
      </TableHeader>
      <TableBody>
        {rows.map(([month, ...cells]) => (
          <TableRow key={String(month)}>
            <TableHead scope="row">{month}</TableHead>
            {cells.map((cell, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
              <TableCell key={index}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </details>
);

const inForceTotal = (point: LicenseTrend[number]) =>
  TIERS.reduce((sum, tier) => sum + point.inForce[tier], 0);

const LICENSE_LEGEND = [
  ...TIERS.map((tier) => ({
    label: `${TIER_LABELS[tier]}, in force`,
    color: TIER_COLORS[tier],
    mark: "bar" as const,
  })),
  { label: "Created that month", color: CHART_COLORS.created, mark: "line" as const },
];

/** Licenses in force at each month's end, stacked by tier, with the licenses created that month as a line. */
export const LicenseTrendChart = ({ trend }: { trend: LicenseTrend }) => {
  const dates = useDateFormat();
  const points = trend.map((point) => ({ month: point.month, ...point.inForce, created: point.created }));
  const latest = trend.at(-1);
  const empty = trend.every((point) => inForceTotal(point) === 0 && point.created === 0);
  return (
    <figure data-chart="license-trend" className={`min-w-0 ${CHART_THEME_CLASS}`}>
      <figcaption className="mb-2">
        <p className={CAPTION}>Licenses (count) in force at each month’s end, by tier</p>
        {latest ? (
          <p className={NOTE}>
            {dates.utcMonth(latest.month)}: {formatCount(inForceTotal(latest))} in force,{" "}
            {formatCount(latest.created)} created.
          </p>
        ) : null}
      </figcaption>
      {empty ? (
        <ChartEmpty title="No licenses yet" height={240} />
      ) : (
        <ComposedChart
          responsive
          style={{ width: "100%", height: 240 }}
          data={points}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          title="Licenses in force at each month's end, by tier, and licenses created each month"
        >
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis {...MONTH_AXIS} />
          <YAxis width="auto" allowDecimals={false} tick={TICK} tickFormatter={formatCount} />
          <Tooltip
            {...TOOLTIP_PROPS}
            labelFormatter={(month) => dates.utcMonth(String(month))}
            formatter={(value, name) => [typeof value === "number" ? formatCount(value) : "—", name]}
          />
          {TIERS.map((tier) => (
            <Bar
              key={tier}
              dataKey={tier}
              name={TIER_LABELS[tier]}
              stackId="tiers"
              fill={TIER_COLORS[tier]}
              isAnimationActive={false}
            />
          ))}
          <Line
            dataKey="created"
            name="Created that month"
            stroke={CHART_COLORS.created}
            strokeWidth={2}
            dot={{ r: 2, fill: CHART_COLORS.created }}
            isAnimationActive={false}
          />
        </ComposedChart>
      )}
      <ChartLegend entries={LICENSE_LEGEND} />
      <Figures
        caption="Licenses in force by tier at each month's end, and licenses created"
        head={["Month", ...TIERS.map((tier) => TIER_LABELS[tier]), "Created"]}
        rows={trend.map((point) => [
          dates.utcMonth(point.month),
          ...TIERS.map((tier) => formatCount(point.inForce[tier])),
          formatCount(point.created),
        ])}
      />
    </figure>
  );
};

const USAGE_NOTES: Record<Metric, string> = {
  ACTIVE_USERS: "The sum over licenses of each one’s highest level in the month.",
  COURSES: "The sum over licenses of each one’s highest level in the month.",
  API_CALLS: "Calls in the month, summed over every organisation.",
  STORAGE_BYTES: "The sum over licenses of each one’s highest level in the month.",
};

const UsageMetricChart = ({ trend, metric }: { trend: UsageTrend; metric: Metric }) => {
  const dates = useDateFormat();
  const scale = metricScale(metric, Math.max(0, ...trend.map((point) => point.usage[metric])));
  const title = chartTitle(METRIC_LABELS[metric], scale);
  const latest = trend.at(-1);
  const empty = trend.every((point) => point.usage[metric] === 0);
  return (
    <figure className="min-w-0" data-chart={`usage-trend-${metric}`}>
      <figcaption className="mb-1">
        <p className={CAPTION}>{title}</p>
        <p className={NOTE}>
          {USAGE_NOTES[metric]}
          {latest && !empty
            ? ` ${dates.utcMonth(latest.month)}: ${formatScaled(latest.usage[metric] / scale.divisor, scale)}.`
            : ""}
        </p>
      </figcaption>
      {empty ? (
        <ChartEmpty title="No usage reported yet" height={96} />
      ) : (
        <BarChart
          responsive
          style={{ width: "100%", height: 160 }}
          data={trend.map((point) => ({ month: point.month, value: point.usage[metric] / scale.divisor }))}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          title={`${title} per month across every organisation`}
        >
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis {...MONTH_AXIS} />
          <YAxis width="auto" tick={TICK} tickFormatter={formatCount} />
          <Tooltip
            {...TOOLTIP_PROPS}
            labelFormatter={(month) => dates.utcMonth(String(month))}
            formatter={(value) => [
              typeof value === "number" ? formatScaled(value, scale) : "—",
              METRIC_LABELS[metric],
            ]}
          />
          <Bar
            dataKey="value"
            name={METRIC_LABELS[metric]}
            fill={CHART_COLORS.level}
            isAnimationActive={false}
          />
        </BarChart>
      )}
    </figure>
  );
};

/** Usage per month across every organisation, one full-width chart per metric so every month fits. */
export const UsageTrendCharts = ({ trend }: { trend: UsageTrend }) => {
  const dates = useDateFormat();
  return (
    <div className={CHART_THEME_CLASS}>
      <div className="space-y-5">
        {METRICS.map((metric) => (
          <UsageMetricChart key={metric} trend={trend} metric={metric} />
        ))}
      </div>
      <Figures
        caption="Usage per month across every organisation"
        head={["Month", ...METRICS.map((metric) => METRIC_LABELS[metric])]}
        rows={trend.map((point) => [
          dates.utcMonth(point.month),
          ...METRICS.map((metric) => formatMetric(metric, point.usage[metric])),
        ])}
      />
    </div>
  );
};
