import { keepPreviousData } from "@tanstack/react-query";
import type { CustomerTicketSort, TicketStatus } from "@tessera/domain";
import { Button, Card } from "@tessera/ui";
import { useId, useState } from "react";
import { TableEmpty } from "../components/data-table/table-empty.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";
import { CustomerTicketsTable } from "./customer-tickets-table.tsx";
import { NewTicketForm } from "./new-ticket-form.tsx";
import { TicketFilters, useTicketFilters } from "./ticket-filters.tsx";

const PAGE_SIZE = 20;
/** The search answers its best matches only; this many is more than a customer reads. */
const SEARCH_LIMIT = 50;

/** What the caption says of each sort, ascending then descending. */
const CAPTIONS: Record<CustomerTicketSort, [string, string]> = {
  createdAt: ["oldest first", "newest first"],
  priority: ["most urgent first", "least urgent first"],
  status: ["open first", "closed first"],
};

/**
 * The list: sorted (newest first until a header is pressed) and paged on the server, narrowed
 * by status; with search words, the best matches instead (the status then narrows those).
 */
const TicketList = ({ filters }: { filters: ReturnType<typeof useTicketFilters> }) => {
  const { table, clear } = filters;
  const status = (table.filters.status || undefined) as TicketStatus | undefined;
  const query = table.filters.q.slice(0, 200);
  const list = trpc.support.mine.useQuery(
    { page: table.page, pageSize: PAGE_SIZE, sort: table.sort, direction: table.direction, status },
    { placeholderData: keepPreviousData, enabled: query === "" },
  );
  const search = trpc.support.searchMine.useQuery(
    { query, limit: SEARCH_LIMIT },
    { placeholderData: keepPreviousData, enabled: query !== "" },
  );
  const empty = (filtered: boolean) => (
    <TableEmpty
      filtered={filtered}
      empty="No tickets yet."
      noMatch="No tickets match these filters."
      onClear={clear}
    />
  );
  if (query !== "")
    return (
      <QueryState query={search}>
        {(data) => {
          const items = status ? data.items.filter((ticket) => ticket.status === status) : data.items;
          return items.length === 0 ? (
            empty(true)
          ) : (
            <CustomerTicketsTable tickets={items} caption={`Tickets matching “${query}”, best match first`} />
          );
        }}
      </QueryState>
    );
  const [order, reversed] = CAPTIONS[table.sort];
  return (
    <QueryState query={list}>
      {(data) =>
        data.items.length === 0 ? (
          empty(filters.active)
        ) : (
          <>
            <CustomerTicketsTable
              tickets={data.items}
              caption={`Your organisation's tickets, ${table.direction === "asc" ? order : reversed}`}
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
          </>
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
  const ticketFilters = useTicketFilters();
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
          <TicketList filters={ticketFilters} />
        </Card>
      </div>
    </>
  );
};
