import { Link } from "react-router";
import { TicketFact, TicketHeading } from "../components/ticket-heading.tsx";
import type { StaffTicket } from "./staff-ticket.ts";

/** The ticket's reference, subject and facts, the organisation first, linked to its page. */
export const TicketHeader = ({ data }: { data: StaffTicket }) => (
  <div className="mb-6">
    <TicketHeading
      ticket={data}
      back={{ to: "/console/support", label: "Support queue" }}
      handler={{ label: "Assignee", nobody: "Unassigned" }}
      lead={
        <TicketFact label="Organisation">
          <Link
            to={`/console/organizations/${data.organizationId}`}
            className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
          >
            {data.organizationName}
          </Link>
        </TicketFact>
      }
    />
  </div>
);
