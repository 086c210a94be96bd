import type { Metric } from "@tessera/domain";

// Tick, tooltip and title text for the charts. Full numbers with the reader's thousands
// separator rather than compact "1.2K": a limit of 100,000 must read the same on the axis as
// in the tables beside it.

const counts = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** `12,345` (or the reader's grouping): counts on axes, in tooltips and in summaries. */
export const formatCount = (value: number) => counts.format(value);

/** How a chart shows one metric: the unit in its title and the divisor from raw values. */
export interface MetricScale {
  unit: string;
  divisor: number;
}

const BYTE_UNITS = ["bytes", "KiB", "MiB", "GiB", "TiB"] as const;

/** The largest binary unit that keeps `maxBytes` at 1 or more: one unit for a whole axis. */
const byteScale = (maxBytes: number): MetricScale => {
  let power = 0;
  while (power < BYTE_UNITS.length - 1 && maxBytes >= 1024 ** (power + 1)) power++;
  return { unit: BYTE_UNITS[power] ?? "bytes", divisor: 1024 ** power };
};

const COUNT_UNITS: Record<Exclude<Metric, "STORAGE_BYTES">, string> = {
  ACTIVE_USERS: "people",
  COURSES: "courses",
  API_CALLS: "calls",
};

/** The scale for a metric whose largest value shown (data or limit) is `max`. */
export const metricScale = (metric: Metric, max: number): MetricScale =>
  metric === "STORAGE_BYTES" ? byteScale(max) : { unit: COUNT_UNITS[metric], divisor: 1 };

/** A value already divided by the scale, with its unit: `1,250 calls`, `3.5 GiB`. */
export const formatScaled = (value: number, scale: MetricScale) => `${formatCount(value)} ${scale.unit}`;

/** A chart's title with its unit: `API calls (calls)`, `Storage (GiB)`. */
export const chartTitle = (label: string, scale: MetricScale) => `${label} (${scale.unit})`;

const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** A month `YYYY-MM` (UTC) as an axis label with its full year: `Nov 2026`, never `11/26`. */
export const formatMonthTick = (month: string) =>
  monthDate(month).toLocaleDateString(undefined, { month: "short", year: "numeric", timeZone: "UTC" });

/**
 * A day `YYYY-MM-DD` (UTC) as an axis label: `3 Nov` (in the reader's order), with the year
 * when the axis crosses a new year, where day and month alone would repeat.
 */
export const formatDayTick = (day: string, withYear: boolean) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    day: "numeric",
    month: "short",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  });
