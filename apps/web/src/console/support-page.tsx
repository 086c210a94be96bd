import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  TICKET_PRIORITIES,
  TICKET_SLA_FILTERS,
  TICKET_STATUSES,
  type TicketPriority,
  type TicketStatus,
} from "@tessera/domain";
import { useState } from "react";
import { Link } from "react-router";
import { Badge } from "../components/badge.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { cx } from "../components/class-names.ts";
import { formatDate } from "../components/format-date.ts";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { Select } from "../components/select.tsx";
import { SupportNotifications } from "../components/support-notifications.tsx";
import { SupportStats } from "../components/support-stats.tsx";
import {
  currentClock,
  isBreached,
  PRIORITY_OPTIONS,
  PriorityBadge,
  SlaCountdown,
  STATUS_OPTIONS,
  StatusBadge,
  useNow,
} from "../components/ticket-parts.tsx";
import { useUrlFilters } from "../components/use-url-filters.ts";
import { useTRPC } from "../trpc.ts";

const PAGE_SIZE = 25;

type Sort = "dueAt" | "createdAt" | "priority";
type SlaFilter = (typeof TICKET_SLA_FILTERS)[number];

/** `status` is a status, "" for any, or "OPEN_ONLY" for everything not yet resolved. */
const DEFAULT_FILTERS = {
  status: "OPEN_ONLY",
  priority: "",
  assigneeId: "",
  sla: "",
  sort: "dueAt",
  organizationId: "",
  createdFrom: "",
};

const ALLOWED_FILTERS = {
  status: ["OPEN_ONLY", "", ...TICKET_STATUSES],
  priority: ["", ...TICKET_PRIORITIES],
  sla: ["", ...TICKET_SLA_FILTERS],
  sort: ["dueAt", "priority", "createdAt"],
};

/** The support queue: every organisation's tickets, soonest due first, with live SLA countdowns. */
export const SupportPage = () => {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
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
  const set = (field: keyof typeof DEFAULT_FILTERS) => (value: string) => setFilter(field, value);

  return (
    <>
      <PageHeader
        title="Support"
        description="Tickets of every organisation, with their SLA clocks counting down live."
        actions={<SupportNotifications />}
      />
      <div className="space-y-6">
        <Card title="Queue">
          <form
            aria-label="Filter tickets"
            onSubmit={(event) => event.preventDefault()}
            className="mb-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-5"
          >
            <Select
              label="Status"
              name="status"
              value={filters.status}
              onChange={set("status")}
              options={[
                { value: "OPEN_ONLY", label: "Not resolved" },
                { value: "", label: "Any status" },
                ...STATUS_OPTIONS,
              ]}
            />
            <Select
              label="Priority"
              name="priority"
              value={filters.priority}
              onChange={set("priority")}
              options={[{ value: "", label: "Any priority" }, ...PRIORITY_OPTIONS]}
            />
            <Select
              label="Assignee"
              name="assigneeId"
              value={filters.assigneeId}
              onChange={set("assigneeId")}
              options={[
                { value: "", label: "Anyone" },
                ...(staff.data ?? []).map((user) => ({ value: user.id, label: user.name })),
              ]}
            />
            <Select
              label="SLA"
              name="sla"
              value={filters.sla}
              onChange={set("sla")}
              options={[
                { value: "", label: "Any" },
                { value: "BREACHED", label: "Breached" },
                { value: "AT_RISK", label: "At risk" },
                { value: "BREACHED_EVER", label: "Breached at any time" },
              ]}
            />
            <Select
              label="Sort by"
              name="sort"
              value={filters.sort}
              onChange={set("sort")}
              options={[
                { value: "dueAt", label: "Due time" },
                { value: "priority", label: "Priority" },
                { value: "createdAt", label: "Newest" },
              ]}
            />
          </form>
          {createdFrom && (
            <p className="mb-4 flex flex-wrap items-center gap-3 text-sm text-slate-700 dark:text-slate-300">
              Showing tickets opened since {formatDate(createdFrom)}.
              <Button variant="secondary" onClick={() => set("createdFrom")("")}>
                Any time
              </Button>
            </p>
          )}
          {filters.organizationId && (
            <p className="mb-4 flex flex-wrap items-center gap-3 text-sm text-slate-700 dark:text-slate-300">
              Showing one organisation's tickets
              {queue.data?.items[0] ? ` (${queue.data.items[0].organizationName})` : ""}.
              <Button variant="secondary" onClick={() => set("organizationId")("")}>
                Show every organisation
              </Button>
            </p>
          )}
          <QueryState query={queue}>
            {(data) =>
              data.items.length === 0 ? (
                <p className="py-6 text-sm text-slate-600 dark:text-slate-300">
                  No tickets match these filters.
                </p>
              ) : (
                <div className="overflow-x-auto" aria-busy={queue.isFetching || undefined}>
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">
                      Support tickets, {sortCaption(filters.sort as Sort)}
                    </caption>
                    <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                      <tr>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Ticket
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Organisation
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Priority
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Status
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Assignee
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          SLA
                        </th>
                        <th scope="col" className="py-2 font-medium">
                          Opened
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                      {data.items.map((ticket) => {
                        const breached = isBreached(ticket, now);
                        const { name, clock, stopped } = currentClock(ticket);
                        return (
                          <tr
                            key={ticket.id}
                            data-breached={breached || undefined}
                            className={cx(
                              "align-top",
                              breached
                                ? "bg-red-50 dark:bg-red-950 hover:bg-red-100 dark:hover:bg-red-900"
                                : "hover:bg-slate-50 dark:hover:bg-slate-800",
                            )}
                          >
                            <td className="py-2.5 pr-4">
                              <Link
                                to={`/console/support/${ticket.id}`}
                                className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
                              >
                                {ticket.reference}
                              </Link>
                              <div className="max-w-xs truncate text-slate-700 dark:text-slate-300">
                                {ticket.subject}
                              </div>
                            </td>
                            <td className="py-2.5 pr-4 text-slate-700 dark:text-slate-300">
                              {ticket.organizationName}
                            </td>
                            <td className="py-2.5 pr-4">
                              <PriorityBadge priority={ticket.priority} />
                            </td>
                            <td className="py-2.5 pr-4">
                              <StatusBadge status={ticket.status} />
                            </td>
                            <td className="py-2.5 pr-4 text-slate-700 dark:text-slate-300">
                              {ticket.assigneeName ?? (
                                <span className="text-slate-500 dark:text-slate-400">Unassigned</span>
                              )}
                            </td>
                            <td className="py-2.5 pr-4">
                              <div className="flex flex-col gap-1">
                                {breached && (
                                  <span>
                                    <Badge tone="red">Breached</Badge>
                                  </span>
                                )}
                                <SlaCountdown clock={clock} stopped={stopped} label={name} />
                              </div>
                            </td>
                            <td className="whitespace-nowrap py-2.5 text-slate-700 dark:text-slate-300">
                              {formatDate(ticket.createdAt)}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                  <Pagination
                    page={data.page}
                    pageCount={data.pageCount}
                    total={data.total}
                    onPage={setPage}
                    noun={data.total === 1 ? "ticket" : "tickets"}
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

const sortCaption = (sort: Sort) =>
  sort === "dueAt" ? "soonest due first" : sort === "priority" ? "most urgent first" : "newest first";
