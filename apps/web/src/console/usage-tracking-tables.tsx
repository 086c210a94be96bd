import type { AppRouter } from "@tessera/api";
import { METRIC_LABELS, METRICS, type Metric } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import { Link } from "react-router";
import { Badge } from "../components/badge.tsx";
import { LimitStatusBadge } from "../components/usage-limits.tsx";
import { formatMetric, formatUsedOfLimit } from "../components/usage-metrics.ts";

type UsageStats = inferRouterOutputs<AppRouter>["usage"]["stats"];
type OrganizationUsage = UsageStats["organizations"]["items"][number];

/** One metric of one organisation: used (of its limit), and how near the limit. */
const UsageCell = ({ metric, check }: { metric: Metric; check: OrganizationUsage["checks"][Metric] }) => (
  <td className="py-2.5 pr-4">
    <div className="whitespace-nowrap tabular-nums text-slate-800 dark:text-slate-200">
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
          <span className="text-xs tabular-nums text-slate-600 dark:text-slate-300">{check.percent}%</span>
        </>
      )}
    </div>
  </td>
);

/** Each organisation's usage this month, closest to a limit first. */
export const OrganizationUsageTable = ({ organizations }: { organizations: OrganizationUsage[] }) => (
  <table className="w-full text-left text-sm">
    <caption className="sr-only">Usage of each organisation this month, closest to a limit first</caption>
    <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
      <tr>
        <th scope="col" className="py-2 pr-4 font-medium">
          Organisation
        </th>
        <th scope="col" className="py-2 pr-4 font-medium">
          Tier
        </th>
        {METRICS.map((metric) => (
          <th key={metric} scope="col" className="py-2 pr-4 font-medium">
            {METRIC_LABELS[metric]}
          </th>
        ))}
        <th scope="col" className="py-2 font-medium">
          Nearest limit
        </th>
      </tr>
    </thead>
    <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
      {organizations.map((entry) => (
        <tr key={entry.licenseId} className="align-top hover:bg-slate-50 dark:hover:bg-slate-800">
          <td className="py-2.5 pr-4">
            <Link
              to={`/console/usage/${entry.organizationId}`}
              className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
            >
              {entry.organizationName}
            </Link>
          </td>
          <td className="py-2.5 pr-4 text-slate-700 dark:text-slate-300">{entry.tier}</td>
          {METRICS.map((metric) => (
            <UsageCell key={metric} metric={metric} check={entry.checks[metric]} />
          ))}
          <td className="py-2.5 tabular-nums text-slate-800 dark:text-slate-200">
            {METRICS.some((metric) => entry.checks[metric].limit !== null) ? `${entry.worstPercent}%` : "—"}
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** The largest consumers of each metric this month. */
export const TopConsumers = ({ topConsumers }: { topConsumers: UsageStats["topConsumers"] }) => (
  <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
    {METRICS.map((metric) => (
      <div key={metric}>
        <h3 className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">
          {METRIC_LABELS[metric]}
        </h3>
        {topConsumers[metric].length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">Nothing reported yet.</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {topConsumers[metric].map((consumer, index) => (
              <li key={consumer.organizationId} className="flex justify-between gap-2">
                <span className="min-w-0 truncate">
                  <span className="text-slate-500 dark:text-slate-400">{index + 1}. </span>
                  <Link
                    to={`/console/usage/${consumer.organizationId}`}
                    className="text-indigo-700 dark:text-indigo-300 hover:underline"
                  >
                    {consumer.organizationName}
                  </Link>
                </span>
                <span className="whitespace-nowrap tabular-nums text-slate-700 dark:text-slate-300">
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
