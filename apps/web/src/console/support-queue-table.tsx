import type { AppRouter } from "@tessera/api";
import type { inferRouterOutputs } from "@trpc/server";
import { Link } from "react-router";
import { Badge } from "../components/badge.tsx";
import { cx } from "../components/class-names.ts";
import { formatDate } from "../components/format-date.ts";
import {
  currentClock,
  isBreached,
  PriorityBadge,
  SlaCountdown,
  StatusBadge,
} from "../components/ticket-parts.tsx";

type QueueTicket = inferRouterOutputs<AppRouter>["support"]["queue"]["items"][number];
export type Sort = "dueAt" | "createdAt" | "priority";

const sortCaption = (sort: Sort) =>
  sort === "dueAt" ? "soonest due first" : sort === "priority" ? "most urgent first" : "newest first";

/** One ticket of the queue; a breached one stands out in red. */
const QueueRow = ({ ticket, now }: { ticket: QueueTicket; now: number }) => {
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
        <div className="max-w-xs truncate text-slate-700 dark:text-slate-300">{ticket.subject}</div>
      </td>
      <td className="py-2.5 pr-4 text-slate-700 dark:text-slate-300">{ticket.organizationName}</td>
      <td className="py-2.5 pr-4">
        <PriorityBadge priority={ticket.priority} />
      </td>
      <td className="py-2.5 pr-4">
        <StatusBadge status={ticket.status} />
      </td>
      <td className="py-2.5 pr-4 text-slate-700 dark:text-slate-300">
        {ticket.assigneeName ?? <span className="text-slate-500 dark:text-slate-400">Unassigned</span>}
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
};

/** The queue's tickets in the order asked for, with live SLA countdowns. */
export const QueueTable = ({ tickets, sort, now }: { tickets: QueueTicket[]; sort: Sort; now: number }) => (
  <table className="w-full text-left text-sm">
    <caption className="sr-only">Support tickets, {sortCaption(sort)}</caption>
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
      {tickets.map((ticket) => (
        <QueueRow key={ticket.id} ticket={ticket} now={now} />
      ))}
    </tbody>
  </table>
);
