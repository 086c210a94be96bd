import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { trpc } from "../trpc.ts";
import { DataTable } from "./data-table/data-table.tsx";
import { TableEmpty } from "./data-table/table-empty.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { Pagination } from "./pagination.tsx";
import { QueryState } from "./query-state.tsx";
import { type AlertAcknowledge, alertColumns } from "./usage-alert-columns.tsx";
import type { UsageAlert } from "./usage-metrics.ts";

const PAGE_SIZE = 10;

/** Staff admins and support agents acknowledge alerts; viewers only look. */
export const canAcknowledgeAlerts = (role: string | undefined) => role === "ADMIN" || role === "SUPPORT";

/** One list of alerts; the Acknowledge buttons only when `acknowledge` is given. */
const AlertTable = ({
  alerts,
  caption,
  showOrganization,
  acknowledge,
}: {
  alerts: UsageAlert[];
  caption: string;
  showOrganization: boolean;
  acknowledge?: AlertAcknowledge;
}) => {
  const acknowledging = acknowledge !== undefined;
  // Table wants stable columns: made again only if the organisation or actions column comes or goes.
  const columns = useMemo(
    () => alertColumns(showOrganization, acknowledging),
    [showOrganization, acknowledging],
  );
  return (
    <DataTable
      id={acknowledging ? "usage-alerts-open" : "usage-alerts-done"}
      caption={caption}
      columns={columns}
      data={alerts}
      getRowId={(alert) => alert.id}
      meta={{ acknowledge, showOrganization }}
      rowAttributes={(alert) => ({ "aria-busy": acknowledge?.pendingId === alert.id || undefined })}
    />
  );
};

/** Open and acknowledged alerts, each paged on the server, and acknowledging one (staff or own). */
const useUsageAlerts = (scope: "staff" | "own", organizationId: string | undefined) => {
  const utils = trpc.useUtils();
  const client = utils.client;
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
      ? utils.usage.alerts.queryOptions(input(acknowledged, page))
      : utils.usage.myAlerts.queryOptions(input(acknowledged, page));
  const open = useQuery({ ...list(false, openPage), placeholderData: keepPreviousData });
  const done = useQuery({ ...list(true, donePage), placeholderData: keepPreviousData });
  const acknowledge = useMutation({
    mutationFn: (alert: UsageAlert) =>
      scope === "staff"
        ? client.usage.acknowledgeAlert.mutate({ alertId: alert.id })
        : client.usage.acknowledgeMyAlert.mutate({ alertId: alert.id }),
    onSuccess: () => Promise.all([utils.usage.invalidate(), utils.audit.invalidate()]),
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
        <h3 className="mb-2 text-sm font-semibold text-fg">Needs attention</h3>
        <ErrorAlert error={acknowledge.error} title="The alert was not acknowledged" />
        <QueryState query={open}>
          {(data) =>
            data.items.length === 0 ? (
              <TableEmpty filtered={false} empty="No open alerts." noMatch="" />
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
        <h3 className="mb-2 text-sm font-semibold text-fg">Acknowledged</h3>
        <QueryState query={done}>
          {(data) =>
            data.items.length === 0 ? (
              <TableEmpty filtered={false} empty="None yet." noMatch="" />
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
