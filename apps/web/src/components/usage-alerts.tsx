import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { METRIC_LABELS, type Metric } from "@tessera/domain";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "../trpc.ts";
import { Badge } from "./badge.tsx";
import { Button } from "./button.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { formatDate } from "./format-date.ts";
import { Pagination } from "./pagination.tsx";
import { QueryState } from "./query-state.tsx";
import { formatPeriod, formatUsedOfLimit, type UsageAlert } from "./usage-metrics.ts";

const PAGE_SIZE = 10;

/** Staff admins and support agents acknowledge alerts; viewers only look. */
export const canAcknowledgeAlerts = (role: string | undefined) => role === "ADMIN" || role === "SUPPORT";

const ThresholdBadge = ({ threshold }: { threshold: number }) => (
  <Badge tone={threshold >= 100 ? "red" : "amber"}>{threshold}%</Badge>
);

const AlertTable = ({
  alerts,
  caption,
  showOrganization,
  acknowledge,
}: {
  alerts: UsageAlert[];
  caption: string;
  showOrganization: boolean;
  acknowledge?: { pendingId: string | undefined; disabled: boolean; run: (alert: UsageAlert) => void };
}) => (
  <div className="overflow-x-auto">
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <tr>
          {showOrganization && (
            <th scope="col" className="py-2 pr-4 font-medium">
              Organisation
            </th>
          )}
          <th scope="col" className="py-2 pr-4 font-medium">
            Metric
          </th>
          <th scope="col" className="py-2 pr-4 font-medium">
            Reached
          </th>
          <th scope="col" className="py-2 pr-4 font-medium">
            Month
          </th>
          <th scope="col" className="py-2 pr-4 font-medium">
            Used / limit
          </th>
          <th scope="col" className="py-2 pr-4 font-medium">
            Raised
          </th>
          <th scope="col" className="py-2 font-medium">
            {acknowledge ? <span className="sr-only">Actions</span> : "Acknowledged"}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {alerts.map((alert) => {
          const metric = alert.metric as Metric;
          const label = METRIC_LABELS[metric] ?? alert.metric;
          return (
            <tr key={alert.id} aria-busy={acknowledge?.pendingId === alert.id || undefined}>
              {showOrganization && <td className="py-2 pr-4 font-medium">{alert.organizationName}</td>}
              <td className="py-2 pr-4">{label}</td>
              <td className="py-2 pr-4">
                <ThresholdBadge threshold={alert.threshold} />
              </td>
              <td className="whitespace-nowrap py-2 pr-4">{formatPeriod(alert.period)}</td>
              <td className="whitespace-nowrap py-2 pr-4 tabular-nums">
                {formatUsedOfLimit(metric, alert.used, alert.limit)}
              </td>
              <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
                {formatDate(alert.createdAt)}
              </td>
              <td className="py-2 text-slate-700 dark:text-slate-300">
                {acknowledge ? (
                  <Button
                    variant="secondary"
                    busy={acknowledge.pendingId === alert.id}
                    disabled={acknowledge.disabled}
                    onClick={() => acknowledge.run(alert)}
                    aria-label={`Acknowledge the ${alert.threshold}% ${label.toLowerCase()} alert${showOrganization ? ` of ${alert.organizationName}` : ""}`}
                  >
                    {acknowledge.pendingId === alert.id ? "Saving…" : "Acknowledge"}
                  </Button>
                ) : (
                  <span className="whitespace-nowrap">
                    {formatDate(alert.acknowledgedAt)}
                    {alert.acknowledgedBy ? (
                      <span className="text-slate-500 dark:text-slate-400"> by {alert.acknowledgedBy}</span>
                    ) : null}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  </div>
);

/** Open and acknowledged alerts, each paged on the server, and acknowledging one (staff or own). */
const useUsageAlerts = (scope: "staff" | "own", organizationId: string | undefined) => {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [openPage, setOpenPage] = useState(1);
  const [donePage, setDonePage] = useState(1);
  const input = (acknowledged: boolean, page: number) => ({
    acknowledged,
    page,
    pageSize: PAGE_SIZE,
    ...(organizationId ? { organizationId } : {}),
  });
  const list = (acknowledged: boolean, page: number) =>
    scope === "staff"
      ? trpc.usage.alerts.queryOptions(input(acknowledged, page))
      : trpc.usage.myAlerts.queryOptions(input(acknowledged, page));
  const open = useQuery({ ...list(false, openPage), placeholderData: keepPreviousData });
  const done = useQuery({ ...list(true, donePage), placeholderData: keepPreviousData });
  const acknowledge = useMutation({
    mutationFn: (alert: UsageAlert) =>
      scope === "staff"
        ? client.usage.acknowledgeAlert.mutate({ alertId: alert.id })
        : client.usage.acknowledgeMyAlert.mutate({ alertId: alert.id }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.usage.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
      ]),
  });
  return { open, done, setOpenPage, setDonePage, acknowledge };
};

/**
 * Usage alerts (80 % and 100 % of a limit), open ones first, then those already
 * acknowledged; each list paged on the server. Staff see every organisation's (or one's),
 * customers their own. `canAcknowledge` shows the Acknowledge buttons.
 */
export const UsageAlerts = ({
  scope,
  organizationId,
  canAcknowledge,
}: {
  scope: "staff" | "own";
  organizationId?: string;
  canAcknowledge: boolean;
}) => {
  const { open, done, setOpenPage, setDonePage, acknowledge } = useUsageAlerts(scope, organizationId);
  const showOrganization = scope === "staff" && !organizationId;
  return (
    <div className="space-y-6">
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">Needs attention</h3>
        <ErrorAlert error={acknowledge.error} title="The alert was not acknowledged" />
        <QueryState query={open}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="py-2 text-sm text-slate-600 dark:text-slate-300">No open alerts.</p>
            ) : (
              <>
                <AlertTable
                  alerts={data.items}
                  caption="Open usage alerts"
                  showOrganization={showOrganization}
                  {...(canAcknowledge
                    ? {
                        acknowledge: {
                          pendingId: acknowledge.isPending ? acknowledge.variables?.id : undefined,
                          disabled: acknowledge.isPending,
                          run: (alert: UsageAlert) => acknowledge.mutate(alert),
                        },
                      }
                    : {})}
                />
                {data.pageCount > 1 && (
                  <Pagination
                    page={data.page}
                    pageCount={data.pageCount}
                    total={data.total}
                    onPage={setOpenPage}
                    noun="open alert"
                  />
                )}
              </>
            )
          }
        </QueryState>
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">Acknowledged</h3>
        <QueryState query={done}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="py-2 text-sm text-slate-600 dark:text-slate-300">None yet.</p>
            ) : (
              <>
                <AlertTable
                  alerts={data.items}
                  caption="Acknowledged usage alerts"
                  showOrganization={showOrganization}
                />
                {data.pageCount > 1 && (
                  <Pagination
                    page={data.page}
                    pageCount={data.pageCount}
                    total={data.total}
                    onPage={setDonePage}
                    noun="acknowledged alert"
                  />
                )}
              </>
            )
          }
        </QueryState>
      </div>
    </div>
  );
};
