import type { SortingState, Updater } from "@tanstack/react-table";
import type { TicketPriority, TicketStatus } from "@tessera/domain";
import { Link } from "react-router";
import { createdColumn } from "../components/data-table/created-column.tsx";
import { DataTable } from "../components/data-table/data-table.tsx";
import { columnHelper } from "../components/data-table/features.ts";
import { PriorityBadge, StatusBadge } from "../components/ticket-parts.tsx";

interface CustomerTicketRow {
  id: string;
  reference: string;
  subject: string;
  priority: TicketPriority;
  status: TicketStatus;
  createdAt: Date;
}

const column = columnHelper<CustomerTicketRow>();

/** The portal's ticket columns; the ids of sortable ones are the API's sort keys. */
const COLUMNS = [
  column.accessor("reference", {
    header: "Reference",
    enableSorting: false,
    enableHiding: false,
    cell: ({ row: { original: ticket } }) => (
      <Link
        to={`/portal/tickets/${ticket.id}`}
        className="whitespace-nowrap font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {ticket.reference}
      </Link>
    ),
  }),
  column.accessor("subject", {
    header: "Subject",
    enableSorting: false,
    enableHiding: false,
    cell: ({ getValue }) => <div className="max-w-md truncate text-fg">{getValue()}</div>,
  }),
  column.accessor("priority", {
    header: "Priority",
    cell: ({ getValue }) => <PriorityBadge priority={getValue()} />,
  }),
  column.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <StatusBadge status={getValue()} />,
  }),
  createdColumn<CustomerTicketRow>({ header: "Opened", withTime: true }),
];

/** The organisation's tickets as rows, each reference linking to its ticket; headers sort on the server. */
export const CustomerTicketsTable = ({
  tickets,
  caption,
  sorting,
  onSortingChange,
}: {
  tickets: CustomerTicketRow[];
  caption: string;
  sorting?: SortingState;
  /** Without it the headers do not sort (search results come best match first). */
  onSortingChange?: (updater: Updater<SortingState>) => void;
}) => (
  <DataTable
    id="portal-tickets"
    caption={caption}
    columns={COLUMNS}
    data={tickets}
    getRowId={(ticket) => ticket.id}
    sorting={sorting}
    onSortingChange={onSortingChange}
  />
);
