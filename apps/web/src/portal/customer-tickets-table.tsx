import type { TicketPriority, TicketStatus } from "@tessera/domain";
import { Link } from "react-router";
import { formatDate } from "../components/format-date.ts";
import { PriorityBadge, StatusBadge } from "../components/ticket-parts.tsx";

interface CustomerTicketRow {
  id: string;
  reference: string;
  subject: string;
  priority: TicketPriority;
  status: TicketStatus;
  createdAt: Date;
}

const HEADINGS = ["Reference", "Subject", "Priority", "Status", "Opened"];

/** The organisation's tickets as rows, each reference linking to its ticket. */
export const CustomerTicketsTable = ({
  tickets,
  caption,
}: {
  tickets: CustomerTicketRow[];
  caption: string;
}) => (
  <table className="w-full text-left text-sm">
    <caption className="sr-only">{caption}</caption>
    <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
      <tr>
        {HEADINGS.map((heading) => (
          <th key={heading} scope="col" className="py-2 pr-4 font-medium last:pr-0">
            {heading}
          </th>
        ))}
      </tr>
    </thead>
    <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
      {tickets.map((ticket) => (
        <tr key={ticket.id} className="hover:bg-slate-50 dark:hover:bg-slate-800">
          <td className="whitespace-nowrap py-2.5 pr-4">
            <Link
              to={`/portal/tickets/${ticket.id}`}
              className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
            >
              {ticket.reference}
            </Link>
          </td>
          <td className="max-w-md truncate py-2.5 pr-4 text-slate-800 dark:text-slate-200">
            {ticket.subject}
          </td>
          <td className="py-2.5 pr-4">
            <PriorityBadge priority={ticket.priority} />
          </td>
          <td className="py-2.5 pr-4">
            <StatusBadge status={ticket.status} />
          </td>
          <td className="whitespace-nowrap py-2.5 text-slate-700 dark:text-slate-300">
            {formatDate(ticket.createdAt)}
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);
