import type { TicketPriority, TicketStatus } from "@tessera/domain";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useDateFormat } from "./dates/use-date-format.ts";
import { PriorityBadge, StatusBadge } from "./ticket-parts.tsx";

/** What both areas' ticket pages say of a ticket at the top. */
interface TicketFacts {
  reference: string;
  subject: string;
  priority: TicketPriority;
  status: TicketStatus;
  assignee: { name: string } | null;
  createdAt: string | Date;
}

/** One fact of the ticket: its name and value, side by side. */
export const TicketFact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex gap-2">
    <dt className="text-fg-muted">{label}</dt>
    <dd className="text-fg">{children}</dd>
  </div>
);

/**
 * A ticket's reference, subject and facts under a way back: priority, status, who handles it
 * (`handler` names that and what to say while nobody does) and when it was opened; `lead` adds
 * facts before them (the console's organisation).
 */
export const TicketHeading = ({
  ticket,
  back,
  handler,
  lead,
}: {
  ticket: TicketFacts;
  back: { to: string; label: string };
  handler: { label: string; nobody: string };
  lead?: ReactNode;
}) => {
  const dates = useDateFormat();
  return (
    <>
      <Link to={back.to} className="text-sm text-indigo-700 dark:text-indigo-300 hover:underline">
        ← {back.label}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg">
        <span className="text-fg-muted">{ticket.reference}</span> {ticket.subject}
      </h1>
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {lead}
        <TicketFact label="Priority">
          <PriorityBadge priority={ticket.priority} />
        </TicketFact>
        <TicketFact label="Status">
          <StatusBadge status={ticket.status} />
        </TicketFact>
        <TicketFact label={handler.label}>
          <span className="font-medium">{ticket.assignee?.name ?? handler.nobody}</span>
        </TicketFact>
        <TicketFact label="Opened">{dates.instant(ticket.createdAt)}</TicketFact>
      </dl>
    </>
  );
};
