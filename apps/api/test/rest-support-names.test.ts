import { ticketMessages } from "@tessera/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useRestClient } from "./support/rest-client.ts";
import { type SupportDesk, startSupportDesk, type TicketBody } from "./support/rest-support-desk.ts";

/** REST reads by an organisation's key name staff, never by address; the desk's own keys see who. */
let desk: SupportDesk;
const rest = useRestClient("rest-support-names.test.ts", () => desk.app.url);
const AGENT_EMAIL = "agent@staff.test";
type Detail = TicketBody & {
  messages: { authorKind: string; authorLabel: string }[];
  assignee: { id: string; name: string } | null;
};

beforeAll(async () => {
  desk = await startSupportDesk();
}, 60_000);
afterAll(() => desk?.app.close());

describe("an organisation's key reading its tickets", () => {
  it("reads staff replies, the assignee and the desk's keys by name, never an email", async () => {
    const ticket = (
      await rest<TicketBody>("POST", "/api/v1/tickets", {
        key: desk.keys.orgA,
        body: { subject: "Exports fail", description: "CSV export times out" },
      })
    ).body;
    await desk.db.insert(ticketMessages).values({
      ticketId: ticket.id,
      authorUserId: desk.agentId,
      authorKind: "STAFF",
      authorLabel: `user:${AGENT_EMAIL}`,
      body: "We are on it",
    });
    await rest("POST", `/api/v1/tickets/${ticket.id}/replies`, {
      key: desk.keys.service,
      body: { body: "From the integration" },
    });
    await rest("POST", `/api/v1/tickets/${ticket.id}/assign`, {
      key: desk.keys.service,
      body: { assigneeId: desk.agentId },
    });

    const asCustomer = await rest<Detail>("GET", `/api/v1/tickets/${ticket.id}`, { key: desk.keys.orgA });
    expect(asCustomer.status).toBe(200);
    expect(JSON.stringify(asCustomer.body)).not.toContain(AGENT_EMAIL);
    expect(JSON.stringify(asCustomer.body)).not.toContain("helpdesk");
    expect(asCustomer.body.assignee).toEqual({ id: desk.agentId, name: "Desk Agent" });
    const staffAuthors = asCustomer.body.messages
      .filter((m) => m.authorKind === "STAFF")
      .map((m) => m.authorLabel);
    expect(staffAuthors.sort()).toEqual(["Desk Agent", "Support team"]);
    const list = await rest("GET", "/api/v1/tickets", { key: desk.keys.orgA });
    expect(JSON.stringify(list.body)).not.toContain(AGENT_EMAIL);

    const asDesk = await rest<Detail>("GET", `/api/v1/tickets/${ticket.id}`, { key: desk.keys.service });
    expect(JSON.stringify(asDesk.body)).toContain(AGENT_EMAIL);
  });
});
