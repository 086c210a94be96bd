import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { METRICS, USAGE_STATS_STATUSES } from "@tessera/domain";
import { useEffect, useRef, useState } from "react";
import { Link, useLocation } from "react-router";
import { useRole } from "../auth/session.tsx";
import { Badge } from "../components/badge.tsx";
import { Card } from "../components/card.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { Select } from "../components/select.tsx";
import { canAcknowledgeAlerts, UsageAlerts } from "../components/usage-alerts.tsx";
import { LimitStatusBadge } from "../components/usage-limits.tsx";
import { formatMetric, formatPeriod, formatUsedOfLimit, METRIC_LABELS } from "../components/usage-metrics.ts";
import { useUrlFilters } from "../components/use-url-filters.ts";
import { useTRPC } from "../trpc.ts";

/**
 * Usage across organisations: this month's usage against each license in force, closest to
 * a limit first; the top consumers of each metric; and the alerts raised.
 */
export const UsageTracking = () => {
  const trpc = useTRPC();
  const role = useRole();
  const [page, setPage] = useState(1);
  const [{ status }, setFilter] = useUrlFilters(
    { status: "" },
    { status: ["", ...USAGE_STATS_STATUSES] },
    () => setPage(1),
  );
  const { hash } = useLocation();
  const alertsRef = useRef<HTMLDivElement>(null);
  // The dashboard links to #alerts; the router does not scroll to fragments by itself.
  useEffect(() => {
    if (hash === "#alerts") {
      alertsRef.current?.scrollIntoView();
      alertsRef.current?.focus({ preventScroll: true });
    }
  }, [hash]);
  const stats = useQuery({
    ...trpc.usage.stats.queryOptions({
      page,
      pageSize: 25,
      ...(status ? { status: status as (typeof USAGE_STATS_STATUSES)[number] } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Usage"
        description={
          stats.data
            ? `${formatPeriod(stats.data.period)} (UTC) against each license in force, closest to a limit first.`
            : "This month's usage against each license in force, closest to a limit first."
        }
      />
      <div className="space-y-6">
        <Card title="Organisations">
          <form
            aria-label="Filter organisations"
            className="mb-4 max-w-xs"
            onSubmit={(event) => event.preventDefault()}
          >
            <Select
              label="Limit status"
              name="status"
              value={status}
              onChange={(value) => setFilter("status", value)}
              options={[
                { value: "", label: "Any" },
                { value: "AT_RISK", label: "Warning or exceeded" },
                { value: "WARNING", label: "Warning (80% or more)" },
                { value: "EXCEEDED", label: "Exceeded" },
              ]}
            />
          </form>
          <QueryState query={stats}>
            {(data) =>
              data.organizations.total === 0 ? (
                <p className="py-6 text-sm text-slate-600 dark:text-slate-300">
                  {status
                    ? "No organisation matches this filter."
                    : "No organisation has a license in force."}
                </p>
              ) : (
                <div className="overflow-x-auto">
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">
                      Usage of each organisation this month, closest to a limit first
                    </caption>
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
                      {data.organizations.items.map((entry) => (
                        <tr
                          key={entry.licenseId}
                          className="align-top hover:bg-slate-50 dark:hover:bg-slate-800"
                        >
                          <td className="py-2.5 pr-4">
                            <Link
                              to={`/console/usage/${entry.organizationId}`}
                              className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
                            >
                              {entry.organizationName}
                            </Link>
                          </td>
                          <td className="py-2.5 pr-4 text-slate-700 dark:text-slate-300">{entry.tier}</td>
                          {METRICS.map((metric) => {
                            const check = entry.checks[metric];
                            return (
                              <td key={metric} className="py-2.5 pr-4">
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
                                      <span className="text-xs tabular-nums text-slate-600 dark:text-slate-300">
                                        {check.percent}%
                                      </span>
                                    </>
                                  )}
                                </div>
                              </td>
                            );
                          })}
                          <td className="py-2.5 tabular-nums text-slate-800 dark:text-slate-200">
                            {METRICS.some((metric) => entry.checks[metric].limit !== null)
                              ? `${entry.worstPercent}%`
                              : "—"}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <Pagination
                    page={data.organizations.page}
                    pageCount={data.organizations.pageCount}
                    total={data.organizations.total}
                    onPage={setPage}
                    noun={data.organizations.total === 1 ? "organisation" : "organisations"}
                  />
                </div>
              )
            }
          </QueryState>
        </Card>
        <Card title="Top consumers this month">
          <QueryState query={stats}>
            {(data) => (
              <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
                {METRICS.map((metric) => (
                  <div key={metric}>
                    <h3 className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">
                      {METRIC_LABELS[metric]}
                    </h3>
                    {data.topConsumers[metric].length === 0 ? (
                      <p className="text-sm text-slate-600 dark:text-slate-300">Nothing reported yet.</p>
                    ) : (
                      <ol className="space-y-1 text-sm">
                        {data.topConsumers[metric].map((consumer, index) => (
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
            )}
          </QueryState>
        </Card>
        <div id="alerts" ref={alertsRef} tabIndex={-1} className="scroll-mt-4 focus:outline-none">
          <Card title="Alerts">
            <UsageAlerts scope="staff" canAcknowledge={canAcknowledgeAlerts(role)} />
          </Card>
        </div>
      </div>
    </>
  );
};
