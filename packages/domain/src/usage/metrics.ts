import type { Metric } from "../licenses/tiers.ts";

/**
 * Gauges report a level (the latest value of a day counts); counters report increments
 * (values add up, and the limit is per calendar month in UTC).
 */
export const METRIC_KIND: Record<Metric, "GAUGE" | "COUNTER"> = {
  ACTIVE_USERS: "GAUGE",
  COURSES: "GAUGE",
  STORAGE_BYTES: "GAUGE",
  API_CALLS: "COUNTER",
};

/** The UTC calendar day of an instant, as `YYYY-MM-DD`. */
export const utcDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The usage period of an instant: its UTC calendar month, `YYYY-MM`. */
export const usagePeriod = (date: Date): string => date.toISOString().slice(0, 7);

/** First instant of the UTC month containing `date`. */
export const periodStart = (date: Date): Date =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
