import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { USAGE_STATS_STATUSES } from "@tessera/domain";
import { useEffect, useRef, useState } from "react";
import { useLocation } from "react-router";
import { useRole } from "../auth/session.tsx";
import { Card } from "../components/card.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { Select } from "../components/select.tsx";
import { canAcknowledgeAlerts, UsageAlerts } from "../components/usage-alerts.tsx";
import { formatPeriod } from "../components/usage-metrics.ts";
import { useUrlFilters } from "../components/use-url-filters.ts";
import { useTRPC } from "../trpc.ts";
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

const StatusFilter = ({ status, onChange }: { status: string; onChange: (value: string) => void }) => (
  <form
    aria-label="Filter organisations"
    className="mb-4 max-w-xs"
    onSubmit={(event) => event.preventDefault()}
  >
    <Select
      label="Limit status"
      name="status"
      value={status}
      onChange={onChange}
      options={[
        { value: "", label: "Any" },
        { value: "AT_RISK", label: "Warning or exceeded" },
        { value: "WARNING", label: "Warning (80% or more)" },
        { value: "EXCEEDED", label: "Exceeded" },
      ]}
    />
  </form>
);

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
  const alertsRef = useAlertsAnchor();
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
          <StatusFilter status={status} onChange={(value) => setFilter("status", value)} />
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
                  <OrganizationUsageTable organizations={data.organizations.items} />
                  <Pagination
                    page={data.organizations.page}
                    pageCount={data.organizations.pageCount}
                    total={data.organizations.total}
                    onPage={setPage}
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
