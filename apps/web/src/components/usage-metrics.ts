import type { AppRouter } from "@tessera/api";
import { type LimitStatus, METRIC_KIND, type Metric } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type UsageReport = Outputs["usage"]["report"];
export type UsageAlert = Outputs["usage"]["alerts"]["items"][number];
export type LimitChecks = Outputs["usage"]["limits"]["metrics"];

/** What a metric's limit is per: gauges are a level, API calls a count per UTC month. */
export const METRIC_LIMIT_NOTE: Record<Metric, string> = {
  ACTIVE_USERS: "latest reported level",
  COURSES: "latest reported level",
  API_CALLS: "calls this month (UTC)",
  STORAGE_BYTES: "latest reported level",
};

export const isCounterMetric = (metric: Metric) => METRIC_KIND[metric] === "COUNTER";

const GIB = 1024 ** 3;

/** A metric's value in the unit people read it in: storage in GiB, the rest as counts. */
export const metricUnits = (metric: Metric, value: number) =>
  metric === "STORAGE_BYTES" ? value / GIB : value;

/** A metric's value for display: `1,234` or `12.5 GiB`. */
export const formatMetric = (metric: Metric, value: number) =>
  metric === "STORAGE_BYTES"
    ? `${metricUnits(metric, value).toLocaleString(undefined, { maximumFractionDigits: 2 })} GiB`
    : value.toLocaleString();

/** `420 / 500`, or `420 / Unlimited` when the license sets no limit. */
export const formatUsedOfLimit = (metric: Metric, used: number, limit: number | null) =>
  `${formatMetric(metric, used)} / ${limit === null ? "Unlimited" : formatMetric(metric, limit)}`;

export const STATUS_TONES: Record<LimitStatus, "green" | "amber" | "red"> = {
  OK: "green",
  WARNING: "amber",
  EXCEEDED: "red",
};
