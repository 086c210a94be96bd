import { csvText, METRIC_LABELS, METRICS, type Metric } from "@tessera/domain";
import type { UsageReport } from "./usage-report.ts";

/** The unit each column's numbers are in, said in its header; storage stays in whole bytes. */
const UNITS: Partial<Record<Metric, string>> = { STORAGE_BYTES: "bytes" };

const HEADER = [
  "Date (UTC)",
  ...METRICS.map((metric) =>
    UNITS[metric] ? `${METRIC_LABELS[metric]} (${UNITS[metric]})` : METRIC_LABELS[metric],
  ),
];

/**
 * The report as a table for people and spreadsheets: a header row in words, then one row per
 * day of the range with each metric's value unformatted, empty where nothing was reported
 * (not 0: a gauge with no report is unknown). REST keeps its `day,metric,value` contract.
 */
export const usageReportTableCsv = (report: UsageReport): string => {
  const byDay = new Map(report.days.map((day) => [day, new Map<Metric, number>()]));
  for (const metric of METRICS) {
    for (const point of report.series[metric]) byDay.get(point.day)?.set(metric, point.value);
  }
  return csvText([
    HEADER,
    ...report.days.map((day) => [day, ...METRICS.map((metric) => byDay.get(day)?.get(metric) ?? null)]),
  ]);
};
