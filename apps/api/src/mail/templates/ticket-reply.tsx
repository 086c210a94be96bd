import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface TicketReplyData {
  ticketId: string;
  reference: string;
  subject: string;
  organizationName: string;
  /** The agent's name (never their address), or the team's for a key. */
  authorName: string;
  body: string;
}

/** Support answered a ticket in public: to the person who opened it. */
export const ticketReply = defineTemplate<TicketReplyData>({
  subject: (data) => `${data.authorName} replied to ${data.reference}: ${data.subject}`,
  reason: (data) => `You opened ticket ${data.reference} for ${data.organizationName}.`,
  body: (data, { brand, link }) => (
    <>
      <Title>New reply to {data.reference}</Title>
      <Paragraph>{data.authorName} wrote:</Paragraph>
      <Paragraph>
        <span style={{ whiteSpace: "pre-wrap" }}>{data.body}</span>
      </Paragraph>
      <Action brand={brand} href={link(`/portal/tickets/${data.ticketId}`)}>
        Reply in the portal
      </Action>
    </>
  ),
});
