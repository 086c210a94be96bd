import { createDb } from "@tessera/db";
import { notifications, ticketMessages, ticketSlaEvents, tickets, users } from "@tessera/db/schema";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/password.ts";
import { runSlaSweep } from "../src/support/sla-sweep.ts";
import { testConnection } from "./database.ts";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const HOUR = 3_600_000;
const ticketCount = async () => (await h.db.select({ n: count() }).from(tickets))[0]?.n;
const messageCount = async () => (await h.db.select({ n: count() }).from(ticketMessages))[0]?.n;

describe("creating and routing", () => {
  it("a customer opens a ticket: numbered, routed to the least-loaded support agent, due by priority and tier", async () => {
    const owner = await h.caller("ownerB"); // STARTER
    const ticket = await owner.support.create({
      subject: "Cannot upload",
      description: "Upload fails at 99 %",
      priority: "HIGH",
    });
    expect(ticket.reference).toMatch(/^SUP-\d{6}$/);
    expect(ticket.assigneeId).toBe(h.userIds.staffSupport);
    expect(ticket.responseDueAt).toEqual(new Date(h.clock.now().getTime() + 4 * HOUR));
    expect(ticket.sla.resolution.targetMs).toBe(12 * HOUR);
  });

  it("PROFESSIONAL caps a LOW ticket's first response at 4 h", async () => {
    const owner = await h.caller("ownerA"); // PROFESSIONAL
    const ticket = await owner.support.create({
      subject: "Question",
      description: "How do I…",
      priority: "LOW",
    });
    expect(ticket.sla.firstResponse.targetMs).toBe(4 * HOUR);
  });

  it("ENTERPRISE and CUSTOM go to the account manager; CRITICAL notifies every staff admin", async () => {
    const { organization } = await h.newLicensedOrganization("ENTERPRISE");
    await (await h.caller("staffAdmin")).organizations.update({
      organizationId: organization.id,
      accountManagerId: h.userIds.staffAdmin,
    });
    const staff = await h.caller("staffSupport");
    const ticket = await staff.support.createForOrganization({
      organizationId: organization.id,
      subject: "Outage",
      description: "Nobody can sign in",
      priority: "CRITICAL",
    });
    expect(ticket.assigneeId).toBe(h.userIds.staffAdmin);
    expect(ticket.sla.firstResponse.targetMs).toBe(HOUR);
    const notices = await h.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, h.userIds.staffAdmin));
    expect(notices.some((notice) => notice.title.includes(ticket.reference))).toBe(true);
    const mine = await (await h.caller("staffAdmin")).support.notifications({});
    expect(mine.unread).toBeGreaterThan(0);
  });

  it("ties between agents go to the one assigned longest ago", async () => {
    const passwordHash = await hashPassword(TEST_PASSWORD);
    const [second] = await h.db
      .insert(users)
      .values({
        email: "support2@staff.test",
        name: "Second Agent",
        role: "SUPPORT",
        kind: "STAFF",
        passwordHash,
      })
      .returning();
    const [{ open } = { open: 0 }] = await h.db
      .select({ open: count() })
      .from(tickets)
      .where(eq(tickets.assigneeId, h.userIds.staffSupport));
    const owner = await h.caller("ownerB");
    // the new agent takes tickets until both carry the same load …
    for (let index = 0; index < open; index++) {
      expect((await owner.support.create({ subject: `Fill ${index}`, description: "x" })).assigneeId).toBe(
        second?.id,
      );
    }
    // … then the tie goes to the agent whose last assignment is older
    expect((await owner.support.create({ subject: "Tie", description: "x" })).assigneeId).toBe(
      h.userIds.staffSupport,
    );
  });

  it("numbers stay unique when many tickets are opened at once", async () => {
    const owner = await h.caller("ownerA");
    const created = await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        owner.support.create({ subject: `Burst ${index}`, description: "x" }),
      ),
    );
    expect(new Set(created.map((ticket) => ticket.reference)).size).toBe(25);
  });

  it("the platform opens tickets with a tickets:write key", async () => {
    const platform = await h.caller("orgKeyA");
    const ticket = await platform.support.createViaApi({
      subject: "From the platform",
      description: "Errors in logs",
    });
    expect(ticket.organizationId).toBe(h.orgA.id);
  });
});

describe("the thread and the clocks", () => {
  it("the first public staff reply stops the first-response clock; the customer sees it, not the internal note", async () => {
    const owner = await h.caller("ownerA");
    const { id } = await owner.support.create({ subject: "Clock", description: "x", priority: "NORMAL" });
    h.clock.advance(HOUR);
    const agent = await h.caller("staffSupport");
    await agent.support.reply({ ticketId: id, body: "Internal: check logs", internal: true });
    expect((await agent.support.get({ ticketId: id })).firstRespondedAt).toBeNull();
    const replied = await agent.support.reply({ ticketId: id, body: "We are on it", internal: false });
    expect(replied.status).toBe("IN_PROGRESS");
    expect(replied.firstRespondedAt).toEqual(h.clock.now());
    expect(replied.sla.firstResponse).toMatchObject({ met: true, breached: false });
    const seen = await owner.support.getMine({ ticketId: id });
    expect(seen.messages.map((message) => message.body)).toEqual(["We are on it"]);
    const internalSeen = (await agent.support.get({ ticketId: id })).messages.map(
      (message) => message.internal,
    );
    expect(internalSeen).toEqual([true, false]);
  });

  it("the resolution clock pauses while waiting on the customer; the customer's reply resumes it", async () => {
    const owner = await h.caller("ownerB");
    const agent = await h.caller("staffSupport");
    const { id } = await owner.support.create({ subject: "Pause", description: "x", priority: "HIGH" }); // 12 h to resolve
    await agent.support.reply({ ticketId: id, body: "Need your logs", internal: false });
    const waiting = await agent.support.updateStatus({ ticketId: id, status: "WAITING_ON_CUSTOMER" });
    expect(waiting.sla.resolution.paused).toBe(true);
    h.clock.advance(20 * HOUR);
    const resumed = await owner.support.replyMine({ ticketId: id, body: "Here they are" });
    expect(resumed.status).toBe("IN_PROGRESS");
    expect(resumed.sla.resolution).toMatchObject({ paused: false, breached: false, remainingMs: 12 * HOUR });
    const resolved = await agent.support.updateStatus({ ticketId: id, status: "RESOLVED" });
    expect(resolved.sla.resolution.met).toBe(true);
    // a customer reply reopens a resolved ticket; closing is final
    expect((await owner.support.replyMine({ ticketId: id, body: "Still broken" })).status).toBe(
      "IN_PROGRESS",
    );
    await agent.support.updateStatus({ ticketId: id, status: "RESOLVED" });
    expect((await owner.support.updateMyStatus({ ticketId: id, status: "CLOSED" })).status).toBe("CLOSED");
    expect(await errorCode(owner.support.replyMine({ ticketId: id, body: "again" }))).toBe(
      "TICKET_INVALID_TRANSITION",
    );
  });

  it("a priority change recomputes the due times from creation", async () => {
    const owner = await h.caller("ownerB");
    const { id, createdAt } = await owner.support.create({
      subject: "Prio",
      description: "x",
      priority: "LOW",
    });
    const raised = await (await h.caller("staffSupport")).support.changePriority({
      ticketId: id,
      priority: "CRITICAL",
    });
    expect(raised.responseDueAt).toEqual(new Date(createdAt.getTime() + HOUR));
  });

  it("the sweep records a breach once, even from two processes, and lists the ticket as breached", async () => {
    const owner = await h.caller("ownerB");
    const { id } = await owner.support.create({ subject: "Breach", description: "x", priority: "CRITICAL" });
    const later = new Date(h.clock.now().getTime() + 2 * HOUR);
    const url = (h.dbHandle as { url?: string }).url;
    const second = url ? await createDb(testConnection(url)) : h.dbHandle;
    try {
      await Promise.all([
        runSlaSweep(h.deps, later),
        runSlaSweep({ db: second.db }, later),
        runSlaSweep(h.deps, later),
      ]);
    } finally {
      if (second !== h.dbHandle) await second.close();
    }
    const events = await h.db
      .select()
      .from(ticketSlaEvents)
      .where(and(eq(ticketSlaEvents.ticketId, id), eq(ticketSlaEvents.kind, "BREACHED")));
    expect(events.map((event) => event.clock)).toEqual(["FIRST_RESPONSE"]);
    h.clock.set(later);
    try {
      const breached = await (await h.caller("staffAdmin")).support.breached({ pageSize: 100 });
      expect(breached.items.map((ticket) => ticket.id)).toContain(id);
      const detail = await (await h.caller("staffAdmin")).support.get({ ticketId: id });
      expect(detail.slaEvents.map((event) => event.kind)).toContain("BREACHED");
    } finally {
      h.clock.set(new Date("2026-06-01T12:00:00.000Z"));
    }
  });

  it("statistics: open by priority and status, breach rate, medians, agent load", async () => {
    const stats = await (await h.caller("staffAdmin")).support.stats({
      from: "2026-05-01",
      to: "2026-12-31",
    });
    expect(stats.period.created).toBeGreaterThan(0);
    expect(stats.breachRate).toBeGreaterThan(0);
    expect(stats.breachRate).toBe(stats.breached / stats.period.created);
    expect(stats.medianMinutesToFirstResponse).not.toBeNull();
    expect(
      stats.agentLoad.find((agent) => agent.assigneeId === h.userIds.staffSupport)?.open,
    ).toBeGreaterThan(0);
    expect(Object.keys(stats.openByPriority)).toEqual(["LOW", "NORMAL", "HIGH", "CRITICAL"]);
  });

  it("the queue lists exactly the tickets the breach figure counts, and one organisation's tickets", async () => {
    const staff = await h.caller("staffAdmin");
    const range = { from: new Date("2026-05-01"), to: new Date("2026-12-31") };
    const stats = await staff.support.stats(range);
    const everBreached = await staff.support.queue({
      sla: "BREACHED_EVER",
      createdFrom: range.from,
      pageSize: 100,
    });
    expect(everBreached.total).toBe(stats.breached);
    expect(everBreached.total).toBeGreaterThan(0);
    const later = await staff.support.queue({ createdFrom: new Date("2099-01-01"), pageSize: 100 });
    expect(later.total).toBe(0);
    const ofB = await staff.support.queue({ organizationId: h.orgB.id, pageSize: 100 });
    expect(ofB.items.length).toBeGreaterThan(0);
    expect(ofB.items.every((ticket) => ticket.organizationId === h.orgB.id)).toBe(true);
  });
});

describe("bad input and tenancy", () => {
  it.each([
    [{ subject: "" }, "subject"],
    [{ subject: "s".repeat(201) }, "subject"],
    [{ description: "d".repeat(20_001) }, "description"],
    [{ priority: "URGENT" }, "priority"],
  ])("refuses %j naming %s, writing nothing", async (patch, field) => {
    const before = await ticketCount();
    const owner = await h.caller("ownerA");
    const input = { subject: "ok", description: "ok", ...patch } as Parameters<
      typeof owner.support.create
    >[0];
    expect(await errorField(owner.support.create(input))).toBe(field);
    expect(await ticketCount()).toBe(before);
  });

  it("refuses an internal note from a customer (403) and an unknown status, writing nothing", async () => {
    const owner = await h.caller("ownerA");
    const ticketId = await h.newTicket(h.orgA.id);
    const before = await messageCount();
    expect(await errorCode(owner.support.replyMine({ ticketId, body: "sneaky", internal: true }))).toBe(
      "INTERNAL_NOTE_FORBIDDEN",
    );
    const status = "DONE" as unknown as "CLOSED";
    expect(
      await errorField((await h.caller("staffSupport")).support.updateStatus({ ticketId, status })),
    ).toBe("status");
    expect(await messageCount()).toBe(before);
  });

  it("names the current status when a transition is refused", async () => {
    const ticketId = await h.newTicket(h.orgA.id);
    await h.moveTicket(ticketId, ["RESOLVED"]);
    try {
      await (await h.caller("staffSupport")).support.updateStatus({
        ticketId,
        status: "WAITING_ON_CUSTOMER",
      });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain("RESOLVED");
    }
  });

  it("another organisation's ticket is NOT_FOUND", async () => {
    const ticketId = await h.newTicket(h.orgA.id);
    const ownerB = await h.caller("ownerB");
    expect(await errorCode(ownerB.support.getMine({ ticketId }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerB.support.replyMine({ ticketId, body: "x" }))).toBe("NOT_FOUND");
    const ownTicketId = await h.newTicket(h.orgB.id);
    const mine = (await ownerB.support.mine({ pageSize: 100 })).items.map((ticket) => ticket.id);
    expect(mine).toContain(ownTicketId);
    expect(mine).not.toContain(ticketId);
    expect((await ownerB.support.mine({})).items.every((ticket) => ticket.organizationId === h.orgB.id)).toBe(
      true,
    );
  });
});
