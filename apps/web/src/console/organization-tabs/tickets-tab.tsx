import { keepPreviousData } from "@tanstack/react-query";
import { Card } from "@tessera/ui";
import { useState } from "react";
import { Link } from "react-router";
import { Pagination } from "../../components/pagination.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useNow } from "../../components/ticket-parts.tsx";
import { trpc } from "../../trpc.ts";
import { QueueTable } from "../support-queue-table.tsx";

const PAGE_SIZE = 25;
const DUE_FIRST = [{ id: "dueAt", desc: false }];

/** The organisation's tickets, open or not, soonest due first, as the support queue shows them. */
export const TicketsTab = ({ organizationId }: { organizationId: string }) => {
  const now = useNow();
  const [page, setPage] = useState(1);
  const tickets = trpc.support.queue.useQuery(
    { organizationId, page, pageSize: PAGE_SIZE, sort: "dueAt" },
    { placeholderData: keepPreviousData },
  );
  return (
    <Card
      title="Tickets"
      actions={
        <Link
          className="text-sm text-indigo-700 dark:text-indigo-300 hover:underline"
          to={`/console/support?organizationId=${organizationId}`}
        >
          In the support queue
        </Link>
      }
    >
      <QueryState query={tickets}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="text-sm text-fg-muted">No tickets.</p>
          ) : (
            <div className="relative overflow-x-auto">
              <QueueTable tickets={data.items} sorting={DUE_FIRST} now={now} />
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
  );
};
