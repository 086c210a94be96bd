import { keepPreviousData } from "@tanstack/react-query";
import { USAGE_STATS_STATUSES } from "@tessera/domain";
import { Card, NativeSelect } from "@tessera/ui";
import { useEffect, useRef } from "react";
import { useLocation } from "react-router";
import { useRole } from "../auth/session.tsx";
import { FilterChips } from "../components/data-table/filter-chips.tsx";
import { TableEmpty } from "../components/data-table/table-empty.tsx";
import { useTableUrlState } from "../components/data-table/use-table-url-state.ts";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { canAcknowledgeAlerts, UsageAlerts } from "../components/usage-alerts.tsx";
import { trpc } from "../trpc.ts";
import { OrganizationUsageTable, TopConsumers } from "./usage-tracking-tables.tsx";

/** The dashboard links to #alerts; the router does not scroll to fragments by itself. */
const useAlertsAnchor = () => {
  const { hash } = useLocation();
  const alertsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hash === "#alerts") {
      alertsRef.current?.scrollIntoView();
      alertsRef.current?.focus({ preventScroll: true });
    }
  }, [hash]);
  return alertsRef;
};

const STATUS_LABELS: Record<string, string> = {
  AT_RISK: "Warning or exceeded",
  WARNING: "Warning (80% or more)",
  EXCEEDED: "Exceeded",
};

const StatusFilter = ({ status, onChange }: { status: string; onChange: (value: string) => void }) => (
  <form
    aria-label="Filter organisations"
    className="mb-4 max-w-xs"
    onSubmit={(event) => event.preventDefault()}
  >
    <NativeSelect
      label="Limit status"
      name="status"
      value={status}
      onChange={onChange}
      options={[
        { value: "", label: "Any" },
        ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
      ]}
    />
  </form>
);

/**
 * Usage across organisations: this month's usage against each license in force, closest to
 * a limit first; the top consumers of each metric; and the alerts raised.
 */
export const UsageTracking = () => {
  const dates = useDateFormat();
  const role = useRole();
  // Closest to a limit first is the one order the server keeps; status and page live in the address.
  const table = useTableUrlState({
    filters: { status: "" },
    allowed: { status: ["", ...USAGE_STATS_STATUSES] },
    sorts: ["nearestLimit"],
    sort: "nearestLimit",
    direction: "desc",
  });
  const { status } = table.filters;
  const alertsRef = useAlertsAnchor();
  const stats = trpc.usage.stats.useQuery(
    {
      page: table.page,
      pageSize: 25,
      ...(status ? { status: status as (typeof USAGE_STATS_STATUSES)[number] } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  return (
    <>
      <PageHeader
        title="Usage"
        description={
          stats.data
            ? `${dates.utcMonth(stats.data.period)} (UTC) against each license in force, closest to a limit first.`
            : "This month's usage against each license in force, closest to a limit first."
        }
      />
      <div className="space-y-6">
        <Card title="Organisations">
          <StatusFilter status={status} onChange={(value) => table.setFilter("status", value)} />
          <FilterChips
            chips={status ? [{ name: "status", label: `Status: ${STATUS_LABELS[status] ?? status}` }] : []}
            onClear={() => table.clearFilters()}
            onClearAll={() => table.clearFilters()}
          />
          <QueryState query={stats}>
            {(data) =>
              data.organizations.total === 0 ? (
                <TableEmpty
                  filtered={status !== ""}
                  empty="No organisation has a license in force."
                  noMatch="No organisation matches this filter."
                  onClear={table.clearFilters}
                />
              ) : (
                <div>
                  <OrganizationUsageTable organizations={data.organizations.items} />
                  <Pagination
                    page={data.organizations.page}
                    pageCount={data.organizations.pageCount}
                    total={data.organizations.total}
                    onPage={table.setPage}
                    noun="organisation"
                  />
                </div>
              )
            }
          </QueryState>
        </Card>
        <Card title="Top consumers this month">
          <QueryState query={stats}>{(data) => <TopConsumers topConsumers={data.topConsumers} />}</QueryState>
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
