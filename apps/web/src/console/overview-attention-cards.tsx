import { METRIC_LABELS, type Metric, TICKET_PRIORITIES } from "@tessera/domain";
import { Badge, Card } from "@tessera/ui";
import { Link } from "react-router";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { QueryState } from "../components/query-state.tsx";
import { OpenByPriority, Stat, useSupportStats } from "../components/support-stats.tsx";
import { formatUsedOfLimit } from "../components/usage-metrics.ts";
import { trpc } from "../trpc.ts";
import { LIST_LIMIT, MoreLink } from "./overview-license-cards.tsx";

const ALERTS_LIST = "/console/usage#alerts";

export const AtRiskCard = () => {
  // The card shows the at-risk counts and first few, not the page of organisations: ask for one row.
  const stats = trpc.usage.stats.useQuery({ top: LIST_LIMIT, pageSize: 1 });
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
              <p className="text-sm text-fg-muted">Every organisation is within its limits this month.</p>
            ) : (
              <ul className="divide-y divide-line text-sm">
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

export const TicketsCard = () => {
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

export const AlertsCard = () => {
  const dates = useDateFormat();
  const alerts = trpc.usage.alerts.useQuery({ acknowledged: false, pageSize: LIST_LIMIT });
  return (
    <Card title="Unacknowledged alerts">
      <QueryState query={alerts}>
        {(data) => (
          <>
            <dl className="mb-4">
              <Stat label="Waiting for acknowledgement" value={data.total} to={ALERTS_LIST} />
            </dl>
            {data.items.length === 0 ? (
              <p className="text-sm text-fg-muted">No alert is waiting.</p>
            ) : (
              <ul className="divide-y divide-line text-sm">
                {data.items.map((alert) => {
                  const metric = alert.metric as Metric;
                  return (
                    <li key={alert.id} className="py-1.5">
                      <span className="font-medium text-fg">{alert.organizationName}</span>{" "}
                      <Badge tone={alert.threshold >= 100 ? "red" : "amber"}>{alert.threshold}%</Badge>
                      <span className="block text-fg-muted">
                        {METRIC_LABELS[metric] ?? alert.metric}:{" "}
                        {formatUsedOfLimit(metric, alert.used, alert.limit)} ·{" "}
                        {dates.instant(alert.createdAt)}
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
