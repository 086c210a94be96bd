import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TICKET_SLA_FILTERS, TicketPriority, TicketStatus, TicketView } from "@tessera/domain";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useRole } from "../auth/session.tsx";
import { Card } from "../components/card.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { SupportNotifications } from "../components/support-notifications.tsx";
import { SupportStats } from "../components/support-stats.tsx";
import { useNow } from "../components/ticket-parts.tsx";
import { TicketSearch } from "../components/ticket-search.tsx";
import { useUrlFilters } from "../components/use-url-filters.ts";
import { useTRPC } from "../trpc.ts";
import {
  ALLOWED_FILTERS,
  DEFAULT_FILTERS,
  LinkedFilterNotes,
  QueueFilterForm,
} from "./support-queue-filters.tsx";
import { QueueTable, type Sort } from "./support-queue-table.tsx";
import { landingView, SupportViews } from "./support-views.tsx";

/** Support opened with a bare address lands on the role's view, written into the address. */
const useLandingView = () => {
  const role = useRole();
  const [params, setParams] = useSearchParams();
  const bare = params.size === 0;
  useEffect(() => {
    if (bare && role) setParams({ view: landingView(role) }, { replace: true });
  }, [bare, role, setParams]);
};

const PAGE_SIZE = 25;

type SlaFilter = (typeof TICKET_SLA_FILTERS)[number];

/** The support queue: every organisation's tickets, soonest due first, with live SLA countdowns. */
export const SupportPage = () => {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  useLandingView();
  const [filters, setFilter] = useUrlFilters(DEFAULT_FILTERS, ALLOWED_FILTERS, () => setPage(1));
  const createdFrom =
    filters.createdFrom && !Number.isNaN(Date.parse(filters.createdFrom))
      ? new Date(filters.createdFrom)
      : null;
  const staff = useQuery(trpc.organizations.staffUsers.queryOptions());
  const queue = useQuery({
    ...trpc.support.queue.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      sort: filters.sort as Sort,
      ...(filters.view ? { view: filters.view as TicketView } : {}),
      ...(filters.status === "OPEN_ONLY"
        ? { openOnly: true }
        : filters.status
          ? { status: filters.status as TicketStatus }
          : {}),
      ...(filters.priority ? { priority: filters.priority as TicketPriority } : {}),
      ...(filters.assigneeId ? { assigneeId: filters.assigneeId } : {}),
      ...(filters.sla ? { sla: filters.sla as SlaFilter } : {}),
      ...(filters.organizationId ? { organizationId: filters.organizationId } : {}),
      ...(createdFrom ? { createdFrom } : {}),
    }),
    placeholderData: keepPreviousData,
    // Due times move on their own; ask again now and then for new tickets and changes.
    refetchInterval: 30_000,
  });
  const now = useNow();
  const role = useRole();
  const set = (field: keyof typeof DEFAULT_FILTERS) => (value: string) => setFilter(field, value);

  return (
    <>
      <PageHeader
        title="Support"
        description="Tickets of every organisation, with their SLA clocks counting down live."
        actions={
          <div className="flex items-center gap-3">
            {role === "ADMIN" && (
              <Link to="/console/support/settings" className="text-sm font-medium underline">
                Settings
              </Link>
            )}
            <Link
              to="/console/support/macros"
              className="text-sm font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
            >
              Macros
            </Link>
            <SupportNotifications />
          </div>
        }
      />
      <div className="space-y-6">
        <Card title="Queue">
          <TicketSearch />
          <SupportViews current={filters.view} onChoose={() => setPage(1)} />
          <QueueFilterForm filters={filters} set={set} staff={staff.data} />
          <LinkedFilterNotes
            filters={filters}
            createdFrom={createdFrom}
            organizationName={queue.data?.items[0]?.organizationName}
            set={set}
          />
          <QueryState query={queue}>
            {(data) =>
              data.items.length === 0 ? (
                <p className="py-6 text-sm text-slate-600 dark:text-slate-300">
                  No tickets match these filters.
                </p>
              ) : (
                <div className="overflow-x-auto" aria-busy={queue.isFetching || undefined}>
                  <QueueTable tickets={data.items} sort={filters.sort as Sort} now={now} />
                  <Pagination
                    page={data.page}
                    pageCount={data.pageCount}
                    total={data.total}
                    onPage={setPage}
                    noun="ticket"
                  />
                </div>
              )
            }
          </QueryState>
        </Card>
        <SupportStats />
      </div>
    </>
  );
};
