import type { AppRouter } from "@tessera/api";
import { METRIC_LABELS, METRICS, type Metric, TIER_LABELS } from "@tessera/domain";
import { Badge } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { Link } from "react-router";
import { DataTable } from "../components/data-table/data-table.tsx";
import { columnHelper } from "../components/data-table/features.ts";
import { LimitStatusBadge } from "../components/usage-limits.tsx";
import { formatMetric, formatUsedOfLimit } from "../components/usage-metrics.ts";

type UsageStats = inferRouterOutputs<AppRouter>["usage"]["stats"];
type OrganizationUsage = UsageStats["organizations"]["items"][number];

/** One metric of one organisation: used (of its limit), and how near the limit. */
const UsageCell = ({ metric, check }: { metric: Metric; check: OrganizationUsage["checks"][Metric] }) => (
  <>
    <div className="whitespace-nowrap tabular-nums text-fg">
      {check.limit === null
        ? formatMetric(metric, check.used)
        : formatUsedOfLimit(metric, check.used, check.limit)}
    </div>
    <div className="mt-1 flex items-center gap-1.5">
      {check.limit === null || check.percent === null ? (
        <Badge tone="blue">Unlimited</Badge>
      ) : (
        <>
          <LimitStatusBadge status={check.status} />
          <span className="text-xs tabular-nums text-fg-muted">{check.percent}%</span>
        </>
      )}
    </div>
  </>
);

const column = columnHelper<OrganizationUsage>();

/** Organisation, tier, one column a metric, and the nearest limit (the order the server keeps). */
const USAGE_COLUMNS = [
  column.accessor("organizationName", {
    header: "Organisation",
    enableHiding: false,
    cell: ({ row: { original: entry } }) => (
      <Link
        to={`/console/usage/${entry.organizationId}`}
        className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {entry.organizationName}
      </Link>
    ),
  }),
  column.accessor("tier", { header: "Tier", cell: ({ getValue }) => TIER_LABELS[getValue()] }),
  ...METRICS.map((metric) =>
    column.display({
      id: metric,
      header: METRIC_LABELS[metric],
      cell: ({ row }) => <UsageCell metric={metric} check={row.original.checks[metric]} />,
    }),
  ),
  column.accessor("worstPercent", {
    header: "Nearest limit",
    cell: ({ row: { original: entry } }) => (
      <span className="tabular-nums text-fg">
        {METRICS.some((metric) => entry.checks[metric].limit !== null) ? `${entry.worstPercent}%` : "—"}
      </span>
    ),
  }),
];

/** Each organisation's usage this month, closest to a limit first. */
export const OrganizationUsageTable = ({ organizations }: { organizations: OrganizationUsage[] }) => (
  <DataTable
    id="usage-organizations"
    caption="Usage of each organisation this month, closest to a limit first"
    columns={USAGE_COLUMNS}
    data={organizations}
    getRowId={(entry) => entry.licenseId}
  />
);

/** The largest consumers of each metric this month. */
export const TopConsumers = ({ topConsumers }: { topConsumers: UsageStats["topConsumers"] }) => (
  <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
    {METRICS.map((metric) => (
      <div key={metric}>
        <h3 className="mb-2 text-sm font-semibold text-fg">{METRIC_LABELS[metric]}</h3>
        {topConsumers[metric].length === 0 ? (
          <p className="text-sm text-fg-muted">Nothing reported yet.</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {topConsumers[metric].map((consumer, index) => (
              <li key={consumer.organizationId} className="flex justify-between gap-2">
                <span className="min-w-0 truncate">
                  <span className="text-fg-muted">{index + 1}. </span>
                  <Link
                    to={`/console/usage/${consumer.organizationId}`}
                    className="text-indigo-700 dark:text-indigo-300 hover:underline"
                  >
                    {consumer.organizationName}
                  </Link>
                </span>
                <span className="whitespace-nowrap tabular-nums text-fg-muted">
                  {formatMetric(metric, consumer.used)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    ))}
  </div>
);
