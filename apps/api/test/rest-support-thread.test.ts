import { ticketMessages } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorEnvelope } from "../src/rest/envelope.ts";
import { useRestClient } from "./support/rest-client.ts";
import { type SupportDesk, startSupportDesk, type TicketBody } from "./support/rest-support-desk.ts";

/** REST tickets: reading a thread, replies from both sides, internal notes, agents' changes. */
let desk: SupportDesk;
const rest = useRestClient("rest-support-thread.test.ts", () => desk.app.url);
type Message = { authorKind: string; authorLabel: string; body: string; internal: boolean };
type Detail = TicketBody & { messages: Message[]; firstRespondedAt: string | null };

beforeAll(async () => {
  desk = await startSupportDesk();
}, 60_000);
afterAll(() => desk?.app.close());

const envelope = (answer: { body: unknown }) => (answer.body as ErrorEnvelope).error;
const newTicket = async (organizationId: string) =>
  (
    await rest<TicketBody>("POST", "/api/v1/tickets", {
      key: desk.keys.service,
      body: { organizationId, subject: "Exports fail", description: "CSV export times out" },
    })
  ).body;
const post = <T = TicketBody>(key: string, path: string, body: unknown) =>
  rest<T>("POST", `/api/v1/tickets/${path}`, { key, body });
const read = (key: string, ticketId: string) => rest<Detail>("GET", `/api/v1/tickets/${ticketId}`, { key });
const prefixOf = (key: string) => key.slice(0, 12);

describe("replies and internal notes", () => {
  it("a service key replies as the desk and notes internally, named by its prefix and name", async () => {
    const ticket = await newTicket(desk.orgA);
    const reply = await post(desk.keys.service, `${ticket.id}/replies`, { body: "Looking into it" });
    expect(reply.status).toBe(201);
    expect(reply.headers.get("location")).toBe(`/api/v1/tickets/${ticket.id}`);
    expect(reply.body.status).toBe("IN_PROGRESS"); // a staff reply starts work
    const note = await post(desk.keys.service, `${ticket.id}/notes`, { body: "Same as SUP-000001" });
    expect(note.status).toBe(201);
    const staffView = await read(desk.keys.serviceRead, ticket.id);
    expect(staffView.body.firstRespondedAt).not.toBeNull();
    expect(staffView.body.messages).toEqual([
      expect.objectContaining({
        authorKind: "STAFF",
        authorLabel: `api-key:${prefixOf(desk.keys.service)} (helpdesk)`,
        internal: false,
      }),
      expect.objectContaining({ body: "Same as SUP-000001", internal: true }),
    ]);
  });

  it("an organisation key replies as the customer and never sees internal notes", async () => {
    const ticket = await newTicket(desk.orgA);
    await post(desk.keys.service, `${ticket.id}/notes`, { body: "Customer is on the old exporter" });
    const reply = await post(desk.keys.orgA, `${ticket.id}/replies`, { body: "Still failing" });
    expect(reply.status).toBe(201);
    const customerView = await read(desk.keys.orgA, ticket.id);
    expect(customerView.status).toBe(200);
    expect(customerView.body.messages).toEqual([
      expect.objectContaining({
        authorKind: "CUSTOMER",
        authorLabel: `api-key:${prefixOf(desk.keys.orgA)} (platform a)`,
      }),
    ]);
    expect(customerView.text).not.toContain("old exporter");
    const notes = await post(desk.keys.orgA, `${ticket.id}/notes`, { body: "sneaky" });
    expect(notes.status).toBe(403);
    expect(envelope(notes).code).toBe("FORBIDDEN"); // the key's kind, before any service rule
    const stored = await desk.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id));
    expect(stored.map((message) => message.body)).not.toContain("sneaky");
  });

  it("answers 404 to an organisation key reading or replying to another organisation's ticket, writing nothing", async () => {
    const foreign = await newTicket(desk.orgB);
    await post(desk.keys.service, `${foreign.id}/notes`, { body: "internal to B" });
    const before = await desk.counts();
    const readForeign = await read(desk.keys.orgA, foreign.id);
    expect(readForeign.status).toBe(404);
    expect(readForeign.text).not.toContain("internal to B");
    const replyForeign = await post(desk.keys.orgA, `${foreign.id}/replies`, { body: "hello B" });
    expect(replyForeign.status).toBe(404);
    expect(envelope(replyForeign)).toMatchObject({ code: "NOT_FOUND" });
    expect(await desk.counts()).toEqual(before);
    expect((await read(desk.keys.orgB, foreign.id)).status).toBe(200);
  });

  it("refuses an empty body naming it, and a key without tickets:write, writing nothing", async () => {
    const ticket = await newTicket(desk.orgA);
    const before = await desk.counts();
    const empty = await post(desk.keys.service, `${ticket.id}/replies`, { body: "" });
    expect(empty.status).toBe(400);
    expect(envelope(empty)).toMatchObject({ code: "VALIDATION_FAILED", field: "body" });
    expect((await post(desk.keys.serviceRead, `${ticket.id}/notes`, { body: "x" })).status).toBe(403);
    expect((await post(desk.keys.service, "not-a-uuid/replies", { body: "x" })).status).toBe(400);
    expect(await desk.counts()).toEqual(before);
  });
});

describe("assign, status and priority", () => {
  it("assigns, moves and re-prioritises a ticket with a service key", async () => {
    const ticket = await newTicket(desk.orgB);
    const assigned = await post(desk.keys.service, `${ticket.id}/assign`, { assigneeId: desk.agentId });
    expect(assigned.body.assigneeId).toBe(desk.agentId);
    const unassigned = await post(desk.keys.service, `${ticket.id}/assign`, { assigneeId: null });
    expect(unassigned.body.assigneeId).toBeNull();
    const moved = await post(desk.keys.service, `${ticket.id}/status`, { status: "IN_PROGRESS" });
    expect(moved.body.status).toBe("IN_PROGRESS");
    const raised = await post(desk.keys.service, `${ticket.id}/priority`, { priority: "CRITICAL" });
    expect(raised.body.priority).toBe("CRITICAL");
  });

  it("answers 409 TICKET_INVALID_TRANSITION to a move the status flow forbids", async () => {
    const ticket = await newTicket(desk.orgA);
    const skip = await post(desk.keys.service, `${ticket.id}/status`, { status: "OPEN" });
    expect(skip.status).toBe(409);
    expect(envelope(skip)).toMatchObject({ code: "TICKET_INVALID_TRANSITION", field: "status" });
    expect((await read(desk.keys.service, ticket.id)).body.status).toBe("OPEN");
  });

  it("refuses bad input naming the field, and organisation keys, changing nothing", async () => {
    const ticket = await newTicket(desk.orgA);
    const badStatus = await post(desk.keys.service, `${ticket.id}/status`, { status: "DONE" });
    expect(envelope(badStatus)).toMatchObject({ code: "VALIDATION_FAILED", field: "status" });
    const notStaff = await post(desk.keys.service, `${ticket.id}/assign`, { assigneeId: desk.orgA });
    expect(envelope(notStaff)).toMatchObject({ code: "VALIDATION_FAILED", field: "assigneeId" });
    const badPriority = await post(desk.keys.service, `${ticket.id}/priority`, { priority: 3 });
    expect(envelope(badPriority)).toMatchObject({ code: "VALIDATION_FAILED", field: "priority" });
    for (const action of ["assign", "status", "priority"]) {
      const answer = await post(desk.keys.orgA, `${ticket.id}/${action}`, { status: "IN_PROGRESS" });
      expect(answer.status).toBe(403);
    }
    const after = await read(desk.keys.service, ticket.id);
    expect(after.body).toMatchObject({ status: "OPEN", priority: "NORMAL", assigneeId: ticket.assigneeId });
    const missing = await post(desk.keys.service, "00000000-0000-4000-8000-000000000000/status", {
      status: "IN_PROGRESS",
    });
    expect(missing.status).toBe(404);
  });
});
