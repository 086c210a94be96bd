import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TicketStatus } from "@tessera/domain";
import { useId, useState } from "react";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useTRPC } from "../trpc.ts";
import { CustomerTicketsTable } from "./customer-tickets-table.tsx";
import { NewTicketForm } from "./new-ticket-form.tsx";
import { TicketFilters, useTicketFilters } from "./ticket-filters.tsx";

const PAGE_SIZE = 20;
/** The search answers its best matches only; this many is more than a customer reads. */
const SEARCH_LIMIT = 50;

const EmptyList = ({ filtered }: { filtered: boolean }) => (
  <p className="py-6 text-sm text-slate-600 dark:text-slate-300">
    {filtered ? "No tickets match these filters." : "No tickets yet."}
  </p>
);

/**
 * The list: newest first, a page at a time, narrowed by status on the server; with search
 * words, the best matches instead (the status then narrows those).
 */
const TicketList = ({
  filters,
  filtered,
  page,
  setPage,
}: {
  filters: { status: string; q: string };
  filtered: boolean;
  page: number;
  setPage: (page: number) => void;
}) => {
  const trpc = useTRPC();
  const status = (filters.status || undefined) as TicketStatus | undefined;
  const query = filters.q.slice(0, 200);
  const list = useQuery({
    ...trpc.support.mine.queryOptions({ page, pageSize: PAGE_SIZE, sort: "createdAt", status }),
    placeholderData: keepPreviousData,
    enabled: query === "",
  });
  const search = useQuery({
    ...trpc.support.searchMine.queryOptions({ query, limit: SEARCH_LIMIT }),
    placeholderData: keepPreviousData,
    enabled: query !== "",
  });
  if (query !== "")
    return (
      <QueryState query={search}>
        {(data) => {
          const items = status ? data.items.filter((ticket) => ticket.status === status) : data.items;
          return items.length === 0 ? (
            <EmptyList filtered />
          ) : (
            <div className="overflow-x-auto">
              <CustomerTicketsTable
                tickets={items}
                caption={`Tickets matching “${query}”, best match first`}
              />
            </div>
          );
        }}
      </QueryState>
    );
  return (
    <QueryState query={list}>
      {(data) =>
        data.items.length === 0 ? (
          <EmptyList filtered={filtered} />
        ) : (
          <div className="overflow-x-auto">
            <CustomerTicketsTable tickets={data.items} caption="Your organisation's tickets, newest first" />
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
  );
};

/** The organisation's support tickets: follow the existing ones, open a new one behind a button. */
export const PortalTicketsPage = () => {
  const formId = useId();
  const buttonId = useId();
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState(1);
  // a changed filter starts the list again from its first page
  const ticketFilters = useTicketFilters(() => setPage(1));
  return (
    <>
      <PageHeader
        title="Tickets"
        description="Ask our support team for help and follow the answers."
        actions={
          <Button
            id={buttonId}
            aria-expanded={creating}
            aria-controls={formId}
            onClick={() => setCreating(true)}
          >
            New ticket
          </Button>
        }
      />
      <div className="space-y-6">
        {creating && (
          <NewTicketForm
            id={formId}
            onCancel={() => {
              setCreating(false);
              document.getElementById(buttonId)?.focus();
            }}
          />
        )}
        <Card title="Your tickets">
          <TicketFilters {...ticketFilters} />
          <TicketList
            filters={ticketFilters.filters}
            filtered={ticketFilters.active}
            page={page}
            setPage={setPage}
          />
        </Card>
      </div>
    </>
  );
};
