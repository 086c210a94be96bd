import { longDay } from "./dates.ts";
import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface TicketSlaData {
  ticketId: string;
  reference: string;
  subject: string;
  organizationName: string;
  kind: "at_risk" | "breached";
  clock: "FIRST_RESPONSE" | "RESOLUTION";
  /** ISO date-time. */
  dueAt: string | null;
  /** The agent, or a support lead (a staff admin) hearing of a breach. */
  audience: "assignee" | "lead";
}

const CLOCK = { FIRST_RESPONSE: "first response", RESOLUTION: "resolution" } as const;

const dueTime = (iso: string) => `${longDay(iso)}, ${new Date(iso).toISOString().slice(11, 16)} UTC`;

/** A ticket's SLA clock is at risk or breached: to its agent; a breach also to the support leads. */
export const ticketSla = defineTemplate<TicketSlaData>({
  subject: (data) =>
    `${data.kind === "breached" ? "SLA breached" : "SLA at risk"}: ${data.reference} ${CLOCK[data.clock]} — ${data.subject}`,
  reason: (data) =>
    data.audience === "lead"
      ? "You are a staff admin: support leads hear of every SLA breach."
      : "You are the support agent this ticket is assigned to.",
  body: (data, { brand, link }) => (
    <>
      <Title>
        {data.reference}: {CLOCK[data.clock]} {data.kind === "breached" ? "overdue" : "due soon"}
      </Title>
      <Paragraph>
        The {CLOCK[data.clock]} to {data.organizationName}'s ticket “{data.subject}”{" "}
        {data.kind === "breached" ? "was due" : "is due"}
        {data.dueAt ? ` ${dueTime(data.dueAt)}` : ""}.
      </Paragraph>
      <Action brand={brand} href={link(`/console/support/${data.ticketId}`)}>
        Open the ticket
      </Action>
    </>
  ),
});
