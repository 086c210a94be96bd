import { keepPreviousData } from "@tanstack/react-query";
import {
  TICKET_QUEUE_SORTS,
  type TICKET_SLA_FILTERS,
  type TicketPriority,
  type TicketStatus,
  type TicketView,
} from "@tessera/domain";
import { Card } from "@tessera/ui";
import { Link, useSearchParams } from "react-router";
import { landingView, useRole } from "../auth/session.tsx";
import { FilterChips } from "../components/data-table/filter-chips.tsx";
import { TableEmpty } from "../components/data-table/table-empty.tsx";
import { useTableUrlState } from "../components/data-table/use-table-url-state.ts";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { SupportStats } from "../components/support-stats.tsx";
import { useNow } from "../components/ticket-parts.tsx";
import { TicketSearch } from "../components/ticket-search.tsx";
import { trpc } from "../trpc.ts";
import {
  ALLOWED_FILTERS,
  DEFAULT_FILTERS,
  QueueFilterForm,
  queueFilterChips,
} from "./support-queue-filters.tsx";
import { QueueTable } from "./support-queue-table.tsx";
import { SupportViews } from "./support-views.tsx";

/**
 * The standing view in force. A bare address (the navigation's Support link) shows the role's
 * landing view without writing it into the address: a late write from this page could replace a
 * page the user has already moved on to. The console's home sends agents to the named view.
 */
const useCurrentView = (view: string) => {
  const role = useRole();
  const [params] = useSearchParams();
  return params.size === 0 && role ? landingView(role) : view;
};

const PAGE_SIZE = 25;

type SlaFilter = (typeof TICKET_SLA_FILTERS)[number];

/** The queue as the address asks for it: view, filters, sort, direction and page. */
const useQueue = () => {
  const dates = useDateFormat();
  const table = useTableUrlState({
    filters: DEFAULT_FILTERS,
    allowed: ALLOWED_FILTERS,
    sorts: TICKET_QUEUE_SORTS,
    sort: "dueAt",
    // Soonest due and most urgent first; newest first when sorted by opening time.
    direction: (sort) => (sort === "createdAt" ? "desc" : "asc"),
  });
  const { filters } = table;
  const view = useCurrentView(filters.view);
  const createdFrom =
    filters.createdFrom && !Number.isNaN(Date.parse(filters.createdFrom))
      ? new Date(filters.createdFrom)
      : null;
  const staff = trpc.organizations.staffUsers.useQuery();
  const queue = trpc.support.queue.useQuery(
    {
      page: table.page,
      pageSize: PAGE_SIZE,
      sort: table.sort,
      direction: table.direction,
      ...(view ? { view: view as TicketView } : {}),
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
    },
    {
      placeholderData: keepPreviousData, // Due times move on their own; ask again now and then for new tickets and changes.
      refetchInterval: 30_000,
    },
  );
  const chips = queueFilterChips({
    dates,
    filters,
    createdFrom,
    organizationName: queue.data?.items[0]?.organizationName,
    staff: staff.data,
  });
  return { table, view, staff, queue, chips };
};

/** The support queue: every organisation's tickets, soonest due first, with live SLA countdowns. */
export const SupportPage = () => {
  const { table, view, staff, queue, chips } = useQueue();
  const { filters } = table;
  const now = useNow();
  const role = useRole();
  const set = (field: keyof typeof DEFAULT_FILTERS) => (value: string) => table.setFilter(field, value);

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
          </div>
        }
      />
      <div className="space-y-6">
        <Card title="Queue">
          <TicketSearch />
          <SupportViews current={view} />
          <QueueFilterForm filters={filters} set={set} staff={staff.data} />
          <FilterChips
            chips={chips}
            onClear={(name) =>
              table.setFilter(
                name as keyof typeof DEFAULT_FILTERS,
                DEFAULT_FILTERS[name as keyof typeof DEFAULT_FILTERS],
              )
            }
            onClearAll={() => table.clearFilters()}
          />
          <QueryState query={queue}>
            {(data) =>
              data.items.length === 0 ? (
                <TableEmpty
                  filtered={chips.length > 0}
                  empty="No tickets in this view."
                  noMatch="No tickets match these filters."
                  onClear={table.clearFilters}
                />
              ) : (
                <div aria-busy={queue.isFetching || undefined}>
                  <QueueTable
                    tickets={data.items}
                    now={now}
                    sorting={table.sorting}
                    onSortingChange={table.onSortingChange}
                  />
                  <Pagination
                    page={data.page}
                    pageCount={data.pageCount}
                    total={data.total}
                    onPage={table.setPage}
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
