import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";

/** The agent workspace: search, standing views, the customer context, status flows, names not addresses. */
let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const MINUTE = 60_000;
const STAFF_EMAILS = ["admin@staff.test", "support@staff.test", "viewer@staff.test"];

const references = (page: { items: { reference: string }[] }) => page.items.map((item) => item.reference);

describe("search", () => {
  let gateway: { id: string; reference: string; number: number };
  let other: { id: string; reference: string };
  beforeAll(async () => {
    const ownerA = await h.caller("ownerA");
    const created = await ownerA.support.create({
      subject: "Gateway timeouts on checkout",
      description: "Payments hang for thirty seconds",
    });
    gateway = created;
    const staff = await h.caller("staffSupport");
    await staff.support.reply({ ticketId: gateway.id, body: "Please send the kubernetes pod logs" });
    await staff.support.reply({
      ticketId: gateway.id,
      body: "Suspect the frobnicator cache",
      internal: true,
    });
    other = await (await h.caller("ownerB")).support.create({
      subject: "Gateway unreachable from our office",
      description: "Since the firewall change",
    });
  });

  it("staff find a ticket by its number, with or without the prefix and zeros", async () => {
    const staff = await h.caller("staffViewer");
    for (const query of [gateway.reference, gateway.reference.toLowerCase(), String(gateway.number)]) {
      const found = await staff.support.search({ query });
      expect(references(found)[0], query).toBe(gateway.reference);
    }
  });

  it("staff find tickets of every organisation by subject, description, replies and internal notes, by word prefix", async () => {
    const staff = await h.caller("staffAdmin");
    expect(references(await staff.support.search({ query: "gateway" }))).toEqual(
      expect.arrayContaining([gateway.reference, other.reference]),
    );
    expect(references(await staff.support.search({ query: "thirty" }))).toEqual([gateway.reference]);
    expect(references(await staff.support.search({ query: "kubern" }))).toEqual([gateway.reference]);
    expect(references(await staff.support.search({ query: "frobnicator" }))).toEqual([gateway.reference]);
    expect(references(await staff.support.search({ query: "gateway firewall" }))).toEqual([other.reference]);
    expect(references(await staff.support.search({ query: "nothing-like-this" }))).toEqual([]);
  });

  it("customers find only their organisation's tickets, and never through an internal note", async () => {
    const ownerA = await h.caller("ownerA");
    expect(references(await ownerA.support.searchMine({ query: "gateway" }))).toEqual([gateway.reference]);
    expect(references(await ownerA.support.searchMine({ query: "kubernetes" }))).toEqual([gateway.reference]);
    expect(references(await ownerA.support.searchMine({ query: "frobnicator" }))).toEqual([]);
    expect(references(await ownerA.support.searchMine({ query: other.reference }))).toEqual([]);
    const ownerB = await h.caller("ownerB");
    expect(references(await ownerB.support.searchMine({ query: "gateway" }))).toEqual([other.reference]);
    expect(references(await ownerB.support.searchMine({ query: gateway.reference }))).toEqual([]);
  });

  it("text that is no word and no number finds nothing; an empty query names the field", async () => {
    const staff = await h.caller("staffAdmin");
    expect((await staff.support.search({ query: "&|!:*()" })).items).toEqual([]);
    expect(await errorCode(staff.support.search({ query: "  " }))).toBe("VALIDATION_FAILED");
    expect(await errorField(staff.support.search({ query: "" }))).toBe("query");
  });
});

describe("views", () => {
  it("Assigned to me, Unassigned, Waiting on customer and All open hold the right tickets", async () => {
    const { organization } = await h.newLicensedOrganization("STARTER");
    const agent = await h.caller("staffSupport");
    const admin = await h.caller("staffAdmin");
    const mine = await agent.support.createForOrganization({
      organizationId: organization.id,
      subject: "Routed to the agent",
      description: "x",
    });
    const loose = await agent.support.createForOrganization({
      organizationId: organization.id,
      subject: "Nobody's",
      description: "x",
    });
    await admin.support.assign({ ticketId: loose.id, assigneeId: null });
    const waiting = await agent.support.createForOrganization({
      organizationId: organization.id,
      subject: "Waits",
      description: "x",
    });
    await agent.support.updateStatus({ ticketId: waiting.id, status: "WAITING_ON_CUSTOMER" });
    const done = await agent.support.createForOrganization({
      organizationId: organization.id,
      subject: "Done",
      description: "x",
    });
    await agent.support.updateStatus({ ticketId: done.id, status: "RESOLVED" });

    const view = async (caller: typeof agent, name: "MINE" | "UNASSIGNED" | "WAITING" | "ALL_OPEN") =>
      references(
        await caller.support.queue({
          view: name,
          organizationId: organization.id,
          pageSize: 50,
          sort: "createdAt",
        }),
      ).sort();
    expect(await view(agent, "MINE")).toEqual([mine.reference, waiting.reference].sort());
    expect(await view(admin, "MINE")).toEqual([]);
    expect(await view(agent, "UNASSIGNED")).toEqual([loose.reference]);
    expect(await view(agent, "WAITING")).toEqual([waiting.reference]);
    expect(await view(agent, "ALL_OPEN")).toEqual(
      [mine.reference, loose.reference, waiting.reference].sort(),
    );
  });

  it("Breaching soon holds open tickets whose response or resolution clock is at risk or breached", async () => {
    const { organization } = await h.newLicensedOrganization("ENTERPRISE"); // 1 h response, 3 h resolution
    const agent = await h.caller("staffSupport");
    const open = (subject: string) =>
      agent.support.createForOrganization({ organizationId: organization.id, subject, description: "x" });
    const answered = await open("Answered, resolution running");
    await agent.support.reply({ ticketId: answered.id, body: "On it" });
    const fresh = await open("Fresh");
    const waiting = await open("Paused");
    await agent.support.reply({ ticketId: waiting.id, body: "Which version?" });
    await agent.support.updateStatus({ ticketId: waiting.id, status: "WAITING_ON_CUSTOMER" });
    const breaching = async () =>
      references(
        await agent.support.queue({ view: "BREACHING", organizationId: organization.id, pageSize: 50 }),
      ).sort();

    h.clock.advance(50 * MINUTE); // response clocks: 10 min of 60 left — at risk
    const unanswered = await open("Opened later");
    expect(await breaching()).toEqual([fresh.reference]);
    h.clock.advance(90 * MINUTE); // fresh breached; answered has 40 min of 180 left on resolution — at risk
    expect(await breaching()).toEqual([answered.reference, fresh.reference, unanswered.reference].sort());
    await agent.support.updateStatus({ ticketId: answered.id, status: "RESOLVED" });
    expect(await breaching()).not.toContain(answered.reference);
    expect(await breaching()).not.toContain(waiting.reference); // its resolution clock stands still
    h.clock.advance(-140 * MINUTE);
  });
});

describe("customer context", () => {
  it("gives the organisation, tier and SLA cap, license, health with reasons, usage, open and recent tickets", async () => {
    const ownerA = await h.caller("ownerA"); // PROFESSIONAL: 4 h cap
    const ticket = await ownerA.support.create({ subject: "Context please", description: "x" });
    const context = await (await h.caller("staffViewer")).support.customerContext({ ticketId: ticket.id });
    expect(context.organization).toMatchObject({ id: h.orgA.id, name: h.orgA.name });
    expect(context.tier).toBe("PROFESSIONAL");
    expect(context.responseCapHours).toBe(4);
    expect(context.license).toMatchObject({ id: h.licenseA.id, status: "ACTIVE" });
    expect(context.license?.expiresAt).toBeInstanceOf(Date);
    expect(context.health.grade).toMatch(/^[A-D]$/);
    expect(Array.isArray(context.health.reasons)).toBe(true);
    expect(Object.keys(context.usage.metrics).length).toBeGreaterThan(0);
    expect(context.openTickets.total).toBeGreaterThan(0);
    expect(context.recentTickets.map((item) => item.id)).toContain(ticket.id);
    expect(context.recentTickets.every((item) => item.organizationId === h.orgA.id)).toBe(true);
  });

  it("answers for any organisation's ticket, and NOT_FOUND for an unknown one", async () => {
    const staff = await h.caller("staffAdmin");
    const ticketId = await h.newTicket(h.orgB.id);
    const context = await staff.support.customerContext({ ticketId });
    expect(context.organization.id).toBe(h.orgB.id);
    expect(await errorCode(staff.support.customerContext({ ticketId: crypto.randomUUID() }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("status flows and assignment", () => {
  it("an agent resolves or closes a ticket waiting on the customer; its load drops", async () => {
    const agent = await h.caller("staffSupport");
    const load = async () =>
      (await agent.support.stats({ from: "2026-01-01", to: "2027-01-01" })).agentLoad.find(
        (row) => row.assigneeId === h.userIds.staffSupport,
      )?.open ?? 0;
    for (const status of ["RESOLVED", "CLOSED"] as const) {
      const ticketId = await h.newTicket(h.orgA.id);
      await h.moveTicket(ticketId, ["IN_PROGRESS", "WAITING_ON_CUSTOMER"]);
      const before = await load();
      const moved = await agent.support.updateStatus({ ticketId, status });
      expect(moved.status).toBe(status);
      expect(moved.resolvedAt).toBeInstanceOf(Date); // closing stops the resolution clock too
      expect(await load()).toBe(before - 1);
    }
  });

  it("customers resolve an open ticket, then close it; they cannot start work or put it to waiting", async () => {
    const ownerA = await h.caller("ownerA");
    const ticketId = await h.newTicket(h.orgA.id);
    expect(await errorCode(ownerA.support.updateMyStatus({ ticketId, status: "IN_PROGRESS" }))).toBe(
      "FORBIDDEN",
    );
    expect(await errorCode(ownerA.support.updateMyStatus({ ticketId, status: "CLOSED" }))).toBe("FORBIDDEN");
    expect((await ownerA.support.updateMyStatus({ ticketId, status: "RESOLVED" })).status).toBe("RESOLVED");
    expect((await ownerA.support.updateMyStatus({ ticketId, status: "CLOSED" })).status).toBe("CLOSED");
  });

  it("a staff viewer cannot be assigned, is never routed to as account manager, and carries no load", async () => {
    const admin = await h.caller("staffAdmin");
    const ticketId = await h.newTicket(h.orgA.id);
    const refused = admin.support.assign({ ticketId, assigneeId: h.userIds.staffViewer });
    expect(await errorCode(refused)).toBe("VALIDATION_FAILED");
    expect(await errorField(admin.support.assign({ ticketId, assigneeId: h.userIds.staffViewer }))).toBe(
      "assigneeId",
    );
    expect((await admin.support.assign({ ticketId, assigneeId: h.userIds.staffAdmin })).assigneeId).toBe(
      h.userIds.staffAdmin,
    );

    const { organization } = await h.newLicensedOrganization("ENTERPRISE");
    await admin.organizations.update({
      organizationId: organization.id,
      accountManagerId: h.userIds.staffViewer,
    });
    const routed = await admin.support.createForOrganization({
      organizationId: organization.id,
      subject: "Managed by a viewer",
      description: "x",
    });
    expect(routed.assigneeId).toBe(h.userIds.staffSupport);
    const stats = await admin.support.stats({ from: "2026-01-01", to: "2027-01-01" });
    expect(stats.agentLoad.map((row) => row.assigneeId)).not.toContain(h.userIds.staffViewer);
  });
});

describe("customers read agents by name, never by address", () => {
  it("the thread, the assignee and a ticket staff opened name staff without an email, in every customer read", async () => {
    const agent = await h.caller("staffSupport");
    const opened = await agent.support.createForOrganization({
      organizationId: h.orgA.id,
      subject: "Opened by the desk for you",
      description: "We noticed errors on your side",
    });
    await agent.support.reply({ ticketId: opened.id, body: "Here is what we saw" });
    await agent.support.reply({ ticketId: opened.id, body: "Note for the desk", internal: true });
    await (await h.caller("staffAdmin")).support.assign({
      ticketId: opened.id,
      assigneeId: h.userIds.staffAdmin,
    });

    const ownerA = await h.caller("ownerA");
    const detail = await ownerA.support.getMine({ ticketId: opened.id });
    const reads = [
      detail,
      await ownerA.support.mine({ pageSize: 50 }),
      await ownerA.support.searchMine({ query: "desk" }),
      await ownerA.support.replyMine({ ticketId: opened.id, body: "Thanks" }),
    ];
    for (const read of reads) {
      const text = JSON.stringify(read);
      for (const email of STAFF_EMAILS) expect(text).not.toContain(email);
    }
    expect(detail.assignee).toEqual({ id: h.userIds.staffAdmin, name: "Staff ADMIN" });
    expect(detail.requesterLabel).toBe("Staff SUPPORT");
    const staffMessages = detail.messages.filter((message) => message.authorKind === "STAFF");
    expect(staffMessages.map((message) => message.authorLabel)).toEqual(["Staff SUPPORT"]);

    // staff still see who did what
    const staffView = await agent.support.get({ ticketId: opened.id });
    expect(JSON.stringify(staffView)).toContain("support@staff.test");
  });

  it("a staff author with no name left (a removed user) reads as the support team", async () => {
    const { db } = h;
    const { ticketMessages } = await import("@tessera/db/schema");
    const ticketId = await h.newTicket(h.orgA.id);
    await db.insert(ticketMessages).values({
      ticketId,
      authorUserId: null,
      authorKind: "STAFF",
      authorLabel: "user:gone@staff.test",
      body: "From someone who left",
    });
    const detail = await (await h.caller("ownerA")).support.getMine({ ticketId });
    expect(JSON.stringify(detail)).not.toContain("gone@staff.test");
    expect(detail.messages.at(-1)?.authorLabel).toBe("Support team");
  });
});
