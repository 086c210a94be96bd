import { useQuery } from "@tanstack/react-query";
import { LICENSE_STATUSES, type Metric, TICKET_PRIORITIES, TIERS } from "@tessera/domain";
import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { Badge } from "../components/badge.tsx";
import { Card } from "../components/card.tsx";
import { formatDate, formatDay } from "../components/format-date.ts";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { OpenByPriority, Stat, useSupportStats } from "../components/support-stats.tsx";
import { formatUsedOfLimit, METRIC_LABELS } from "../components/usage-metrics.ts";
import { useTRPC } from "../trpc.ts";

const EXPIRY_WINDOW_DAYS = 30;
const EXPIRING_LIST = `/console/licenses?status=ACTIVE&expiring=${EXPIRY_WINDOW_DAYS}`;
const ALERTS_LIST = "/console/usage#alerts";
const LIST_LIMIT = 5;
const TREND_MONTHS = 12;

const STATUS_LABELS: Record<(typeof LICENSE_STATUSES)[number], string> = {
  PENDING: "Pending",
  ACTIVE: "Active",
  SUSPENDED: "Suspended",
  EXPIRED: "Expired",
  CANCELLED: "Cancelled",
};

const TIER_LABELS: Record<(typeof TIERS)[number], string> = {
  STARTER: "Starter",
  PROFESSIONAL: "Professional",
  ENTERPRISE: "Enterprise",
  CUSTOM: "Custom",
};

/**
 * Link names avoid the navigation labels (Licenses, Usage, Support …) so that the
 * navigation links stay unambiguous by name.
 */
const MoreLink = ({ to, children }: { to: string; children: string }) => (
  <p className="mt-4 text-sm">
    <Link className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline" to={to}>
      {children} <span aria-hidden>→</span>
    </Link>
  </p>
);

const LicensesCard = () => {
  const trpc = useTRPC();
  const stats = useQuery(trpc.licenses.stats.queryOptions());
  return (
    <Card title="License portfolio">
      <QueryState query={stats}>
        {(data) => (
          <>
            <dl className="mb-4 grid gap-3 sm:grid-cols-3">
              <Stat label="All" value={data.total} to="/console/licenses" />
              <Stat label="Active" value={data.byStatus.ACTIVE} to="/console/licenses?status=ACTIVE" />
              <Stat
                label="Seats licensed"
                value={data.seats.licensed}
                hint={seatsHint(data.seats.unlimitedLicenses)}
              />
            </dl>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">License counts by tier and status</caption>
                <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Tier
                    </th>
                    {LICENSE_STATUSES.map((status) => (
                      <th key={status} scope="col" className="py-2 pr-4 text-right font-medium">
                        {STATUS_LABELS[status]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {TIERS.map((tier) => (
                    <tr key={tier}>
                      <th scope="row" className="py-1.5 pr-4 font-normal text-slate-700 dark:text-slate-300">
                        {TIER_LABELS[tier]}
                      </th>
                      {LICENSE_STATUSES.map((status) => (
                        <td
                          key={status}
                          className="py-1.5 pr-4 text-right tabular-nums text-slate-900 dark:text-slate-100"
                        >
                          {data.byTier[tier][status] === 0 ? (
                            0
                          ) : (
                            <Link
                              className="text-indigo-700 dark:text-indigo-300 hover:underline"
                              to={`/console/licenses?tier=${tier}&status=${status}`}
                              aria-label={`${TIER_LABELS[tier]}, ${STATUS_LABELS[status]}: ${data.byTier[tier][status]}`}
                            >
                              {data.byTier[tier][status]}
                            </Link>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
      <MoreLink to="/console/licenses">Open the license list</MoreLink>
    </Card>
  );
};

const seatsHint = (unlimited: number) =>
  unlimited ? `plus ${unlimited} license${unlimited === 1 ? "" : "s"} without a user limit` : undefined;

const ExpiringCard = () => {
  const trpc = useTRPC();
  const expiring = useQuery(trpc.licenses.expiring.queryOptions({ days: EXPIRY_WINDOW_DAYS }));
  return (
    <Card title={`Expiring within ${EXPIRY_WINDOW_DAYS} days`}>
      <QueryState query={expiring}>
        {(items) => (
          <>
            <dl className="mb-4">
              <Stat label="Licenses expiring" value={items.length} to={EXPIRING_LIST} />
            </dl>
            {items.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                No license expires in the next {EXPIRY_WINDOW_DAYS} days.
              </p>
            ) : (
              <ul className="divide-y divide-slate-100 dark:divide-slate-800 text-sm">
                {items.slice(0, LIST_LIMIT).map((license) => (
                  <li key={license.id} className="flex justify-between gap-4 py-1.5">
                    <Link
                      className="text-indigo-700 dark:text-indigo-300 hover:underline"
                      to={`/console/licenses/${license.id}`}
                    >
                      {license.organizationName ?? license.keyHint}
                    </Link>
                    <span className="whitespace-nowrap text-slate-700 dark:text-slate-300">
                      {formatDay(license.expiresAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
      <MoreLink to={EXPIRING_LIST}>Review the expiring licenses</MoreLink>
    </Card>
  );
};

const AtRiskCard = () => {
  const trpc = useTRPC();
  const stats = useQuery(trpc.usage.stats.queryOptions({ top: LIST_LIMIT }));
  return (
    <Card title="Organisations near their limits">
      <QueryState query={stats}>
        {(data) => (
          <>
            <dl className="mb-4 grid gap-3 sm:grid-cols-2">
              <Stat
                label="Warning"
                value={data.atRisk.warning}
                hint="at 80% or more of a limit"
                to="/console/usage?status=WARNING"
              />
              <Stat
                label="Exceeded"
                value={data.atRisk.total - data.atRisk.warning}
                hint="over a limit"
                to="/console/usage?status=EXCEEDED"
              />
            </dl>
            {data.atRisk.first.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                Every organisation is within its limits this month.
              </p>
            ) : (
              <ul className="divide-y divide-slate-100 dark:divide-slate-800 text-sm">
                {data.atRisk.first.map((entry) => (
                  <li key={entry.licenseId} className="flex justify-between gap-4 py-1.5">
                    <Link
                      className="text-indigo-700 dark:text-indigo-300 hover:underline"
                      to={`/console/usage/${entry.organizationId}`}
                    >
                      {entry.organizationName}
                    </Link>
                    <Badge tone={entry.worstPercent >= 100 ? "red" : "amber"}>{entry.worstPercent}%</Badge>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
      <MoreLink to="/console/usage?status=AT_RISK">Open limit tracking</MoreLink>
    </Card>
  );
};

const TicketsCard = () => {
  const stats = useSupportStats(7);
  return (
    <Card title="Open tickets">
      <QueryState query={stats}>
        {(data) => {
          return (
            <>
              <dl className="mb-4 grid gap-3 sm:grid-cols-2">
                <Stat
                  label="Open"
                  to="/console/support"
                  value={TICKET_PRIORITIES.reduce(
                    (sum, priority) => sum + (data.openByPriority[priority] ?? 0),
                    0,
                  )}
                />
                <Stat
                  label="SLA breaches this week"
                  value={data.breached}
                  to={`/console/support?status=&sla=BREACHED_EVER&createdFrom=${encodeURIComponent(data.period.from.toISOString())}`}
                  hint={`of ${data.period.created} opened in the last 7 days`}
                />
              </dl>
              <OpenByPriority openByPriority={data.openByPriority} />
            </>
          );
        }}
      </QueryState>
      <MoreLink to="/console/support">Open the ticket queue</MoreLink>
    </Card>
  );
};

const AlertsCard = () => {
  const trpc = useTRPC();
  const alerts = useQuery(trpc.usage.alerts.queryOptions({ acknowledged: false, pageSize: LIST_LIMIT }));
  return (
    <Card title="Unacknowledged alerts">
      <QueryState query={alerts}>
        {(data) => (
          <>
            <dl className="mb-4">
              <Stat label="Waiting for acknowledgement" value={data.total} to={ALERTS_LIST} />
            </dl>
            {data.items.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-300">No alert is waiting.</p>
            ) : (
              <ul className="divide-y divide-slate-100 dark:divide-slate-800 text-sm">
                {data.items.map((alert) => {
                  const metric = alert.metric as Metric;
                  return (
                    <li key={alert.id} className="py-1.5">
                      <span className="font-medium text-slate-900 dark:text-slate-100">
                        {alert.organizationName}
                      </span>{" "}
                      <Badge tone={alert.threshold >= 100 ? "red" : "amber"}>{alert.threshold}%</Badge>
                      <span className="block text-slate-700 dark:text-slate-300">
                        {METRIC_LABELS[metric] ?? alert.metric}:{" "}
                        {formatUsedOfLimit(metric, alert.used, alert.limit)} · {formatDate(alert.createdAt)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </QueryState>
      <MoreLink to={ALERTS_LIST}>Review and acknowledge alerts</MoreLink>
    </Card>
  );
};

const LicenseTrendChart = lazy(() =>
  import("../components/trend-charts.tsx").then((module) => ({ default: module.LicenseTrendChart })),
);
const UsageTrendCharts = lazy(() =>
  import("../components/trend-charts.tsx").then((module) => ({ default: module.UsageTrendCharts })),
);

const TrendsCards = () => {
  const trpc = useTRPC();
  const licenses = useQuery(trpc.licenses.trend.queryOptions({ months: TREND_MONTHS }));
  const usage = useQuery(trpc.usage.trend.queryOptions({ months: TREND_MONTHS }));
  return (
    <>
      <Card title={`Licenses over the last ${TREND_MONTHS} months`}>
        <QueryState query={licenses}>
          {(trend) => (
            <Suspense fallback={<Loading label="Loading chart…" />}>
              <LicenseTrendChart trend={trend} />
            </Suspense>
          )}
        </QueryState>
      </Card>
      <Card title={`Usage over the last ${TREND_MONTHS} months`}>
        <QueryState query={usage}>
          {(trend) => (
            <Suspense fallback={<Loading label="Loading charts…" />}>
              <UsageTrendCharts trend={trend} />
            </Suspense>
          )}
        </QueryState>
      </Card>
    </>
  );
};

/** The staff console's home: the numbers that need attention, each linking to its list, then the trends. */
export const OverviewPage = () => (
  <>
    <PageHeader title="Overview" description="Licenses, limits and support at a glance." />
    <div className="grid gap-6 lg:grid-cols-2">
      <LicensesCard />
      <ExpiringCard />
      <AtRiskCard />
      <TicketsCard />
      <AlertsCard />
      <TrendsCards />
    </div>
  </>
);
