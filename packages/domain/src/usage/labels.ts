import { METRIC_LABELS } from "../licenses/labels.ts";
import type { Metric } from "../licenses/tiers.ts";
import type { LimitStatus } from "./limits.ts";
import { METRIC_KIND } from "./metrics.ts";

/** What people call where usage stands against its limit. */
export const LIMIT_STATUS_LABELS: Record<LimitStatus, string> = {
  OK: "Within limit",
  WARNING: "Near limit",
  EXCEEDED: "Over limit",
};

/** "API calls at 123 % of the monthly limit": counters are limited per month, gauges at any time. */
export const usageAgainstLimit = (metric: Metric, percent: number | null): string =>
  `${METRIC_LABELS[metric]} at ${percent ?? 0} % of the ${METRIC_KIND[metric] === "COUNTER" ? "monthly " : ""}limit`;
