import { SATISFACTION_LINK_DAYS } from "@tessera/domain";
import { SATISFACTION_PATH } from "../satisfaction-path.ts";
import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface TicketResolvedData {
  ticketId: string;
  reference: string;
  subject: string;
  organizationName: string;
  /** The rating link's token; the outbox drops it once the mail is sent (`carriesSecret`). */
  token: string;
}

/** Support resolved a ticket: to the person who opened it, asking how it went. */
export const ticketResolved = defineTemplate<TicketResolvedData>({
  subject: (data) => `${data.reference} is resolved: how did we do?`,
  reason: (data) => `You opened ticket ${data.reference} for ${data.organizationName}.`,
  body: (data, { brand, link }) => {
    const rate = (rating: "GOOD" | "BAD") =>
      link(`${SATISFACTION_PATH}?token=${encodeURIComponent(data.token)}&rating=${rating}`);
    return (
      <>
        <Title>{data.reference} is resolved</Title>
        <Paragraph>
          Your ticket “{data.subject}” was marked resolved. Was the help you got good? One click opens a page
          where you can add a comment before sending your rating; the link works for {SATISFACTION_LINK_DAYS}{" "}
          days.
        </Paragraph>
        <Action brand={brand} href={rate("GOOD")}>
          Good
        </Action>{" "}
        <Action brand={brand} href={rate("BAD")}>
          Bad
        </Action>
        <Paragraph>
          Not solved after all? Reply in the portal: {link(`/portal/tickets/${data.ticketId}`)}
        </Paragraph>
      </>
    );
  },
  carriesSecret: true,
});
