import { keepPreviousData, skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { METRIC_LABELS, METRICS, type Metric, utcDay } from "@tessera/domain";
import { Alert, Button } from "@tessera/ui";
import { lazy, Suspense } from "react";
import { trpc } from "../trpc.ts";
import { DataTable } from "./data-table/data-table.tsx";
import { columnHelper } from "./data-table/features.ts";
import { UtcDayText } from "./dates/date-text.tsx";
import { useDateFormat } from "./dates/use-date-format.ts";
import { downloadFile } from "./download-file.ts";
import { ErrorAlert } from "./error-alert.tsx";
import { Loading } from "./loading.tsx";
import { formatMetric, isCounterMetric, type UsageReport } from "./usage-metrics.ts";
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
  const utils = trpc.useUtils();
  const options = (input: DayRange | null) =>
    organizationId
      ? utils.usage.report.queryOptions(input ? { organizationId, ...input } : skipToken)
      : utils.usage.myReport.queryOptions(input ?? skipToken);
  const report = useQuery({ ...options(range), placeholderData: keepPreviousData });
  const earlier = monthBefore(range);
  const before = useQuery({ ...options(earlier), placeholderData: keepPreviousData });
  return { report, before: earlier ? before : null };
};

/** One metric's line of the report. */
interface SummaryRow {
  metric: Metric;
  total: number;
  peak: UsageReport["peaks"][Metric];
  limits: UsageReport["limits"];
}

const column = columnHelper<SummaryRow>();

const SUMMARY_COLUMNS = [
  column.accessor("metric", {
    header: "Metric",
    enableHiding: false,
    cell: ({ getValue }) => <span className="font-medium text-fg">{METRIC_LABELS[getValue()]}</span>,
  }),
  column.accessor("total", {
    header: "Total",
    cell: ({ row: { original } }) => (
      <span className="tabular-nums" data-testid={`total-${original.metric}`}>
        {formatMetric(original.metric, original.total)}
      </span>
    ),
  }),
  column.accessor("peak", {
    header: "Peak day",
    cell: ({ row: { original } }) =>
      original.peak ? (
        <span className="tabular-nums">
          {formatMetric(original.metric, original.peak.value)} on <UtcDayText value={original.peak.day} />
        </span>
      ) : (
        "—"
      ),
  }),
  column.accessor("limits", {
    id: "limit",
    header: "Limit",
    cell: ({ row: { original } }) => {
      const limit = original.limits?.[original.metric] ?? null;
      return original.limits === null
        ? "No license"
        : limit === null
          ? "Unlimited"
          : `${formatMetric(original.metric, limit)}${isCounterMetric(original.metric) ? " per month" : ""}`;
    },
  }),
];

/** Each metric's total, peak day and limit over the range, with what "total" means said above. */
const Summary = ({ report }: { report: UsageReport }) => {
  const dates = useDateFormat();
  const rows = METRICS.map((metric) => ({
    metric,
    total: report.totals[metric],
    peak: report.peaks[metric],
    limits: report.limits,
  }));
  return (
    <div>
      <p className="mb-2 text-xs text-fg-muted">
        {dates.utcDay(report.from)} to {dates.utcDay(report.to)} (UTC). Total: the sum of API calls; for the
        other metrics, the latest level reported in the range.
      </p>
      <DataTable
        id="usage-report"
        caption="Usage by metric"
        columns={SUMMARY_COLUMNS}
        data={rows}
        getRowId={(row) => row.metric}
      />
    </div>
  );
};

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
  const client = trpc.useUtils().client;
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
        <p role="status" className="text-sm text-fg-muted">
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
