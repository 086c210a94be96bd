import type { AppRouter } from "@tessera/api";
import { METRIC_LABELS, METRICS, type Metric, TIERS, type Tier } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatMetric, metricUnits } from "./usage-metrics.ts";

// Loaded on demand like usage-charts.tsx: Recharts stays out of the first page's JavaScript.

type Outputs = inferRouterOutputs<AppRouter>;
export type LicenseTrend = Outputs["licenses"]["trend"];
export type UsageTrend = Outputs["usage"]["trend"];

const TIER_COLORS: Record<Tier, string> = {
  STARTER: "#a5b4fc",
  PROFESSIONAL: "#6366f1",
  ENTERPRISE: "#3730a3",
  CUSTOM: "#0e7490",
};
const CREATED_COLOR = "#b45309";
const USAGE_COLOR = "#6366f1";
const TICK = { fontSize: 12, fill: "var(--chart-tick)" };
const TOOLTIP_STYLE = { fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" };

const monthLabel = (month: string, style: "short" | "long" = "short") =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, {
    month: style,
    year: style === "short" ? "2-digit" : "numeric",
    timeZone: "UTC",
  });

const MONTH_AXIS = {
  dataKey: "month",
  tickFormatter: (month: string) => monthLabel(month),
  tick: TICK,
  minTickGap: 12,
};

const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

/** The numbers behind a chart, for screen readers and anyone who wants the figures. */
const Figures = ({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) => (
  <details className="mt-2 text-sm">
    <summary className="cursor-pointer text-indigo-700 dark:text-indigo-300 hover:underline">
      Show the figures
    </summary>
    <div className="mt-2 overflow-x-auto">
      <table className="w-full text-left text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-500 dark:text-slate-400">
          <tr>
            {head.map((cell) => (
              <th key={cell} scope="col" className="py-1 pr-3 font-medium">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800 tabular-nums text-slate-800 dark:text-slate-200">
          {rows.map(([month, ...cells]) => (
            <tr key={String(month)}>
              <th scope="row" className="py-1 pr-3 font-normal">
                {month}
              </th>
              {cells.map((cell, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
                <td key={index} className="py-1 pr-3">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </details>
);

/** Licenses in force at each month's end, stacked by tier, with the licenses created that month as a line. */
export const LicenseTrendChart = ({ trend }: { trend: LicenseTrend }) => {
  const points = trend.map((point) => ({ month: point.month, ...point.inForce, created: point.created }));
  return (
    <figure data-chart="license-trend">
      <ComposedChart
        responsive
        style={{ width: "100%", height: 240 }}
        data={points}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        title="Licenses in force at each month's end, by tier, and licenses created each month"
      >
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis {...MONTH_AXIS} />
        <YAxis width={40} allowDecimals={false} tick={TICK} />
        <Tooltip labelFormatter={(month) => monthLabel(String(month), "long")} contentStyle={TOOLTIP_STYLE} />
        {TIERS.map((tier) => (
          <Bar
            key={tier}
            dataKey={tier}
            name={tier}
            stackId="tiers"
            fill={TIER_COLORS[tier]}
            isAnimationActive={false}
          />
        ))}
        <Line
          dataKey="created"
          name="Created"
          stroke={CREATED_COLOR}
          strokeWidth={2}
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
        <Legend
          wrapperStyle={{ fontSize: 12 }}
          formatter={(name) => <span className="text-slate-700 dark:text-slate-300">{name}</span>}
        />
      </ComposedChart>
      <Figures
        caption="Licenses in force by tier at each month's end, and licenses created"
        head={["Month", ...TIERS, "Created"]}
        rows={trend.map((point) => [
          monthLabel(point.month, "long"),
          ...TIERS.map((tier) => point.inForce[tier]),
          point.created,
        ])}
      />
    </figure>
  );
};

const UsageMetricChart = ({ trend, metric }: { trend: UsageTrend; metric: Metric }) => (
  <figure className="min-w-0" data-chart={`usage-trend-${metric}`}>
    <figcaption className="text-sm font-medium text-slate-900 dark:text-slate-100">
      {METRIC_LABELS[metric]}
      {metric === "STORAGE_BYTES" ? " (GiB)" : ""}
    </figcaption>
    <BarChart
      responsive
      style={{ width: "100%", height: 160 }}
      data={trend.map((point) => ({ month: point.month, value: metricUnits(metric, point.usage[metric]) }))}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      title={`${METRIC_LABELS[metric]} per month across every organisation`}
    >
      <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
      <XAxis {...MONTH_AXIS} />
      <YAxis width={48} tick={TICK} tickFormatter={(value: number) => compact.format(value)} />
      <Tooltip labelFormatter={(month) => monthLabel(String(month), "long")} contentStyle={TOOLTIP_STYLE} />
      <Bar dataKey="value" name={METRIC_LABELS[metric]} fill={USAGE_COLOR} isAnimationActive={false} />
    </BarChart>
  </figure>
);

/** Usage per month across every organisation: API calls summed, gauges at each license's peak. */
export const UsageTrendCharts = ({ trend }: { trend: UsageTrend }) => (
  <>
    <div className="grid gap-4 md:grid-cols-2">
      {METRICS.map((metric) => (
        <UsageMetricChart key={metric} trend={trend} metric={metric} />
      ))}
    </div>
    <Figures
      caption="Usage per month across every organisation"
      head={["Month", ...METRICS.map((metric) => METRIC_LABELS[metric])]}
      rows={trend.map((point) => [
        monthLabel(point.month, "long"),
        ...METRICS.map((metric) => formatMetric(metric, point.usage[metric])),
      ])}
    />
  </>
);
