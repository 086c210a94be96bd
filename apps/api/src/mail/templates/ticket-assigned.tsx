import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface TicketAssignedData {
  ticketId: string;
  reference: string;
  subject: string;
  organizationName: string;
  priority: string;
}

/** A ticket was routed or assigned to a support agent: to that agent. */
export const ticketAssigned = defineTemplate<TicketAssignedData>({
  subject: (data) => `${data.reference} assigned to you: ${data.subject}`,
  reason: () => "You are the support agent this ticket is assigned to.",
  body: (data, { brand, link }) => (
    <>
      <Title>
        {data.reference} is yours ({data.priority})
      </Title>
      <Paragraph>
        {data.organizationName} asks: “{data.subject}”. It is now assigned to you; its response clock is
        running.
      </Paragraph>
      <Action brand={brand} href={link(`/console/support/${data.ticketId}`)}>
        Open the ticket
      </Action>
    </>
  ),
});
