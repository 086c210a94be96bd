import type { SortingState, Updater } from "@tanstack/react-table";
import type { AppRouter } from "@tessera/api";
import { Badge } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { Link } from "react-router";
import { createdColumn } from "../components/data-table/created-column.tsx";
import { DataTable } from "../components/data-table/data-table.tsx";
import { columnHelper } from "../components/data-table/features.ts";
import {
  currentClock,
  isBreached,
  PriorityBadge,
  SlaCountdown,
  StatusBadge,
} from "../components/ticket-parts.tsx";

type QueueTicket = inferRouterOutputs<AppRouter>["support"]["queue"]["items"][number];

const CAPTIONS: Record<string, [string, string]> = {
  dueAt: ["soonest due first", "latest due first"],
  priority: ["most urgent first", "least urgent first"],
  createdAt: ["oldest first", "newest first"],
};

const sortCaption = (sorting: SortingState) => {
  const [sort] = sorting;
  return CAPTIONS[sort?.id ?? "dueAt"]?.[sort?.desc ? 1 : 0] ?? "";
};

const column = columnHelper<QueueTicket>();

/** The queue's columns; SLA (due time), priority and opened sort on the server. */
const QUEUE_COLUMNS = [
  column.accessor("reference", {
    header: "Ticket",
    enableSorting: false,
    enableHiding: false,
    cell: ({ row: { original: ticket } }) => (
      <>
        <Link
          to={`/console/support/${ticket.id}`}
          className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {ticket.reference}
        </Link>
        <div className="max-w-xs truncate">{ticket.subject}</div>
      </>
    ),
  }),
  column.accessor("organizationName", { header: "Organisation", enableSorting: false }),
  column.accessor("priority", {
    header: "Priority",
    cell: ({ getValue }) => <PriorityBadge priority={getValue()} />,
  }),
  column.accessor("status", {
    header: "Status",
    enableSorting: false,
    cell: ({ getValue }) => <StatusBadge status={getValue()} />,
  }),
  column.accessor("assigneeName", {
    header: "Assignee",
    enableSorting: false,
    cell: ({ getValue }) => getValue() ?? <span className="text-fg-muted">Unassigned</span>,
  }),
  column.display({
    id: "dueAt",
    header: "SLA",
    enableSorting: true,
    cell: ({ row: { original: ticket }, table }) => {
      const now = (table.options.meta as { now: number }).now;
      const { name, clock, stopped } = currentClock(ticket);
      return (
        <div className="flex flex-col gap-1">
          {isBreached(ticket, now) && (
            <span>
              <Badge tone="red">Breached</Badge>
            </span>
          )}
          <SlaCountdown clock={clock} stopped={stopped} label={name} />
        </div>
      );
    },
  }),
  createdColumn<QueueTicket>({ header: "Opened", withTime: true }),
];

/** The queue's tickets in the order asked for, with live SLA countdowns; a breached one stands out in red. */
export const QueueTable = ({
  tickets,
  now,
  sorting,
  onSortingChange,
}: {
  tickets: QueueTicket[];
  now: number;
  sorting: SortingState;
  /** Without it the headers do not sort (the organisation page's tab keeps the queue's order). */
  onSortingChange?: (updater: Updater<SortingState>) => void;
}) => (
  <DataTable
    id="support-queue"
    caption={`Support tickets, ${sortCaption(sorting)}`}
    columns={QUEUE_COLUMNS}
    data={tickets}
    getRowId={(ticket) => ticket.id}
    sorting={sorting}
    onSortingChange={onSortingChange}
    meta={{ now }}
    rowAttributes={(ticket) =>
      isBreached(ticket, now)
        ? {
            "data-breached": true,
            className: "bg-red-50 hover:bg-red-100 dark:bg-red-950 dark:hover:bg-red-900",
          }
        : {}
    }
  />
);
