import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface TicketCriticalData {
  ticketId: string;
  reference: string;
  subject: string;
  organizationName: string;
  assigneeName: string | null;
}

/** A CRITICAL ticket was opened: to every staff admin, and to its assignee. */
export const ticketCritical = defineTemplate<TicketCriticalData>({
  subject: (data) => `CRITICAL ${data.reference} from ${data.organizationName}: ${data.subject}`,
  reason: () => "You are a staff admin or this ticket's agent: both hear of every CRITICAL ticket.",
  body: (data, { brand, link }) => (
    <>
      <Title>CRITICAL ticket {data.reference}</Title>
      <Paragraph>
        {data.organizationName} opened a CRITICAL ticket: “{data.subject}”.{" "}
        {data.assigneeName ? `It is assigned to ${data.assigneeName}.` : "Nobody is assigned to it yet."}
      </Paragraph>
      <Action brand={brand} href={link(`/console/support/${data.ticketId}`)}>
        Open the ticket
      </Action>
    </>
  ),
});
