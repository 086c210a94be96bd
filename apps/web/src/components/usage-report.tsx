import { keepPreviousData, skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { METRIC_LABELS, METRICS, utcDay } from "@tessera/domain";
import { lazy, Suspense } from "react";
import { useTRPC, useTRPCClient } from "../trpc.ts";
import { Alert } from "./alert.tsx";
import { Button } from "./button.tsx";
import { downloadFile } from "./download-file.ts";
import { ErrorAlert } from "./error-alert.tsx";
import { Loading } from "./loading.tsx";
import { formatMetric, formatUtcDay, isCounterMetric, type UsageReport } from "./usage-metrics.ts";
import type { DayRange } from "./usage-range.tsx";

const UsageCharts = lazy(() =>
  import("./usage-charts.tsx").then((module) => ({ default: module.UsageCharts })),
);

const DAY = 86_400_000;

/** The days of the range's first month before the range starts (none when it starts on the 1st). */
const monthBefore = (range: DayRange | null): DayRange | null =>
  range && !range.from.endsWith("-01")
    ? {
        from: `${range.from.slice(0, 8)}01`,
        to: utcDay(new Date(Date.parse(`${range.from}T00:00:00Z`) - DAY)),
      }
    : null;

/**
 * An organisation's usage report for a range: staff name the organisation, customers get
 * their own. Also fetches the API calls of the first month before the range, so the chart's
 * month-to-date line (the one the monthly limit applies to) starts where the month stood.
 */
const useReport = (organizationId: string | undefined, range: DayRange | null) => {
  const trpc = useTRPC();
  const options = (input: DayRange | null) =>
    organizationId
      ? trpc.usage.report.queryOptions(input ? { organizationId, ...input } : skipToken)
      : trpc.usage.myReport.queryOptions(input ?? skipToken);
  const report = useQuery({ ...options(range), placeholderData: keepPreviousData });
  const earlier = monthBefore(range);
  const before = useQuery({ ...options(earlier), placeholderData: keepPreviousData });
  return { report, before: earlier ? before : null };
};

const Summary = ({ report }: { report: UsageReport }) => (
  <div className="overflow-x-auto">
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left text-xs text-slate-600 dark:text-slate-300">
        {formatUtcDay(report.from)} to {formatUtcDay(report.to)} (UTC). Total: the sum of API calls; for the
        other metrics, the latest level reported in the range.
      </caption>
      <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <tr>
          <th scope="col" className="py-2 pr-4 font-medium">
            Metric
          </th>
          <th scope="col" className="py-2 pr-4 font-medium">
            Total
          </th>
          <th scope="col" className="py-2 pr-4 font-medium">
            Peak day
          </th>
          <th scope="col" className="py-2 font-medium">
            Limit
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {METRICS.map((metric) => {
          const peak = report.peaks[metric];
          const limit = report.limits?.[metric] ?? null;
          return (
            <tr key={metric}>
              <th scope="row" className="py-2 pr-4 font-medium text-slate-900 dark:text-slate-100">
                {METRIC_LABELS[metric]}
              </th>
              <td className="py-2 pr-4 tabular-nums" data-testid={`total-${metric}`}>
                {formatMetric(metric, report.totals[metric])}
              </td>
              <td className="py-2 pr-4 tabular-nums">
                {peak ? `${formatMetric(metric, peak.value)} on ${formatUtcDay(peak.day)}` : "—"}
              </td>
              <td className="py-2 tabular-nums">
                {report.limits === null
                  ? "No license"
                  : limit === null
                    ? "Unlimited"
                    : `${formatMetric(metric, limit)}${isCounterMetric(metric) ? " per month" : ""}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  </div>
);

/**
 * Charts, totals and peaks of a range, and a CSV download of it. `fileName` names the CSV
 * (`usage-<fileName>-<from>-<to>.csv`).
 */
export const UsageReportView = ({
  organizationId,
  range,
  fileName,
}: {
  organizationId?: string;
  range: DayRange | null;
  fileName: string;
}) => {
  const client = useTRPCClient();
  const { report, before } = useReport(organizationId, range);
  const csv = useMutation({
    mutationFn: (input: DayRange) =>
      organizationId
        ? client.usage.reportCsv.query({ organizationId, ...input })
        : client.usage.myReportCsv.query(input),
    onSuccess: (text, input) =>
      downloadFile(`usage-${fileName}-${input.from}-${input.to}.csv`, text, "text/csv;charset=utf-8"),
  });
  const loading = report.isPending || (before?.isPending ?? false);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
          {report.isFetching && !report.isPending ? "Updating…" : ""}
        </p>
        <Button
          variant="secondary"
          busy={csv.isPending}
          disabled={range === null}
          onClick={() => range && csv.mutate(range)}
        >
          {csv.isPending ? "Preparing CSV…" : "Download CSV"}
        </Button>
      </div>
      <ErrorAlert error={csv.error} title="Could not download the CSV" />
      {report.error || before?.error ? (
        <ErrorAlert error={report.error ?? before?.error} title="Could not load the report" />
      ) : range === null && !report.data ? (
        <Alert tone="info">Choose a valid date range to see the report.</Alert>
      ) : loading || !report.data ? (
        <Loading label="Loading the report…" />
      ) : (
        <>
          <Suspense fallback={<Loading label="Loading charts…" />}>
            <UsageCharts report={report.data} apiCallsBefore={before?.data?.totals.API_CALLS ?? 0} />
          </Suspense>
          <Summary report={report.data} />
        </>
      )}
    </div>
  );
};
