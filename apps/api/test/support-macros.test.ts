import { auditEvents, mailOutbox, supportMacros, ticketMessages, tickets } from "@tessera/db/schema";
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";
import { newMacro } from "./support/macro-fixtures.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const FULL_BODY =
  "Hello {{customer.name}},\n{{ticket.number}} ({{ticket.subject}}) for {{organization.name}} is fixed.\n— {{agent.name}}";

/** A ticket organisation A's owner opened in the portal (so it has a requester by name). */
const ownersTicket = async (subject = "Exports time out") =>
  (await (await h.caller("ownerA")).support.create({ subject, description: "Since Monday" })).id;

const versionOf = async (ticketId: string) =>
  (await h.db.select({ version: tickets.version }).from(tickets).where(eq(tickets.id, ticketId)))[0]
    ?.version ?? 0;

/** Everything an apply could write about a ticket: its row's version, its thread, its audit trail, its mail. */
const footprint = async (ticketId: string) => {
  const [messages] = await h.db
    .select({ n: count() })
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, ticketId));
  const [audits] = await h.db
    .select({ n: count() })
    .from(auditEvents)
    .where(eq(auditEvents.targetId, ticketId));
  const [mails] = await h.db.select({ n: count() }).from(mailOutbox);
  const [ticket] = await h.db.select().from(tickets).where(eq(tickets.id, ticketId));
  return { messages: messages?.n, audits: audits?.n, mails: mails?.n, ticket };
};

describe("macro management", () => {
  it("support leads (staff ADMIN) create, edit and archive; agents list; others may not", async () => {
    const admin = await h.caller("staffAdmin");
    const agent = await h.caller("staffSupport");
    const created = await admin.macros.create({ title: "Fixed", body: FULL_BODY, setStatus: "RESOLVED" });
    expect(created).toMatchObject({ title: "Fixed", setStatus: "RESOLVED", setPriority: null });
    expect(created.createdBy).toBe(h.userIds.staffAdmin);

    expect(await errorCode(agent.macros.create({ title: "Mine", body: "x" }))).toBe("FORBIDDEN");
    expect(await errorCode(agent.macros.update({ macroId: created.id, title: "x", body: "y" }))).toBe(
      "FORBIDDEN",
    );
    expect(await errorCode(agent.macros.archive({ macroId: created.id }))).toBe("FORBIDDEN");
    expect(await errorCode((await h.caller("staffViewer")).macros.list({}))).toBe("FORBIDDEN");
    expect(await errorCode((await h.caller("ownerA")).macros.list({}))).toBe("FORBIDDEN");

    const updated = await admin.macros.update({
      macroId: created.id,
      title: "Fixed and prioritised",
      body: FULL_BODY,
      setStatus: null,
      setPriority: "LOW",
    });
    expect(updated).toMatchObject({ title: "Fixed and prioritised", setStatus: null, setPriority: "LOW" });
    expect((await agent.macros.list({})).map((macro) => macro.id)).toContain(created.id);

    await admin.macros.archive({ macroId: created.id });
    expect((await agent.macros.list({})).map((macro) => macro.id)).not.toContain(created.id);
    expect(
      (await admin.macros.list({ includeArchived: true })).find((m) => m.id === created.id)?.archivedAt,
    ).toEqual(h.clock.now());
    // gone for agents: no second archive, no edit, no apply
    expect(await errorCode(admin.macros.archive({ macroId: created.id }))).toBe("NOT_FOUND");
    expect(await errorCode(admin.macros.update({ macroId: created.id, title: "x", body: "y" }))).toBe(
      "NOT_FOUND",
    );
    const ticketId = await ownersTicket();
    expect(
      await errorCode(
        agent.macros.applyToTicket({ macroId: created.id, ticketId, version: await versionOf(ticketId) }),
      ),
    ).toBe("NOT_FOUND");

    const actions = await h.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, created.id));
    expect(actions.map((row) => row.action).sort()).toEqual([
      "support.macro_archived",
      "support.macro_created",
      "support.macro_updated",
    ]);
  });

  it("an unknown placeholder is refused when the macro is saved, naming body, and nothing is stored", async () => {
    const admin = await h.caller("staffAdmin");
    const [before] = await h.db.select({ n: count() }).from(supportMacros);
    const bad = admin.macros.create({ title: "Typo", body: "Dear {{customer.firstName}}" });
    expect(await errorCode(bad)).toBe("VALIDATION_FAILED");
    expect(
      await errorField(admin.macros.create({ title: "Typo", body: "Dear {{customer.firstName}}" })),
    ).toBe("body");
    const macroId = await newMacro(h);
    expect(await errorField(admin.macros.update({ macroId, title: "Typo", body: "{{agent.email}}" }))).toBe(
      "body",
    );
    const [after] = await h.db.select({ n: count() }).from(supportMacros);
    expect(after?.n).toBe((before?.n ?? 0) + 1);
  });
});

describe("applying a macro", () => {
  it("posts the rendered public reply and sets status and priority in one click", async () => {
    const macroId = await newMacro(h, { body: FULL_BODY, setStatus: "RESOLVED", setPriority: "HIGH" });
    const ticketId = await ownersTicket("Exports time out");
    const agent = await h.caller("staffSupport");
    const ticket = await agent.support.get({ ticketId });
    const applied = await agent.macros.applyToTicket({ macroId, ticketId, version: ticket.version });
    expect(applied).toMatchObject({ status: "RESOLVED", priority: "HIGH" });

    const after = await agent.support.get({ ticketId });
    expect(after.firstRespondedAt).toEqual(h.clock.now());
    expect(after.messages).toHaveLength(1);
    expect(after.messages[0]).toMatchObject({
      authorKind: "STAFF",
      internal: false,
      body: `Hello Owner org-a,\n${ticket.reference} (Exports time out) for Org org-a is fixed.\n— Staff SUPPORT`,
    });
    // the customer sees it as any reply
    const mine = await (await h.caller("ownerA")).support.getMine({ ticketId });
    expect(mine.messages.map((message) => message.body)).toEqual([after.messages[0]?.body]);

    const audit = await h.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, ticketId));
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(["ticket.replied", "ticket.status_changed", "ticket.priority_changed"]),
    );
    expect(audit.find((row) => row.action === "ticket.replied")?.after).toMatchObject({ macroId });
    // the requester hears of the reply and of the resolution
    const mails = await h.db
      .select({ template: mailOutbox.template, to: mailOutbox.toAddress })
      .from(mailOutbox)
      .where(inArray(mailOutbox.template, ["ticket-reply", "ticket-resolved"]));
    expect(mails).toEqual(
      expect.arrayContaining([
        { template: "ticket-reply", to: "owner@a.test" },
        { template: "ticket-resolved", to: "owner@a.test" },
      ]),
    );
  });

  it("applying twice with the same ticket version posts once: the second is STALE_VERSION", async () => {
    const macroId = await newMacro(h, { body: "On it, {{customer.name}}." });
    const ticketId = await ownersTicket();
    const agent = await h.caller("staffSupport");
    const version = await versionOf(ticketId);
    await agent.macros.applyToTicket({ macroId, ticketId, version });
    const once = await footprint(ticketId);
    const second = agent.macros.applyToTicket({ macroId, ticketId, version });
    expect(await errorCode(second)).toBe("STALE_VERSION");
    expect(await footprint(ticketId)).toEqual(once);
    expect(once.messages).toBe(1);
  });

  it("an illegal status change is refused (4xx) and nothing is written: no reply, no audit, no mail", async () => {
    const agent = await h.caller("staffSupport");
    const waiting = await newMacro(h, { body: "Could you send the logs?", setStatus: "WAITING_ON_CUSTOMER" });
    // a staff reply leaves a RESOLVED ticket RESOLVED, and RESOLVED cannot become WAITING_ON_CUSTOMER
    const ticketId = await ownersTicket();
    await h.moveTicket(ticketId, ["IN_PROGRESS", "RESOLVED"]);
    const before = await footprint(ticketId);
    const call = agent.macros.applyToTicket({
      macroId: waiting,
      ticketId,
      version: await versionOf(ticketId),
    });
    expect(await errorCode(call)).toBe("TICKET_INVALID_TRANSITION");
    expect(await footprint(ticketId)).toEqual(before);

    // a closed ticket takes no reply at all, macro or not
    await h.moveTicket(ticketId, ["CLOSED"]);
    const closed = await footprint(ticketId);
    const plain = await newMacro(h, { body: "Hi" });
    expect(
      await errorCode(
        agent.macros.applyToTicket({ macroId: plain, ticketId, version: await versionOf(ticketId) }),
      ),
    ).toBe("TICKET_INVALID_TRANSITION");
    expect(await footprint(ticketId)).toEqual(closed);
  });

  it("a ticket opened by a key has no requester: {{customer.name}} greets the organisation", async () => {
    const macroId = await newMacro(h, { body: "Hello {{customer.name}}" });
    const ticketId = await h.newTicket(h.orgB.id);
    const agent = await h.caller("staffAdmin");
    await agent.macros.applyToTicket({ macroId, ticketId, version: 1 });
    const ticket = await agent.support.get({ ticketId });
    expect(ticket.messages.map((message) => message.body)).toEqual(["Hello Org org-b"]);
    expect(ticket.status).toBe("IN_PROGRESS");
  });

  it("a reply over 20,000 characters once filled in is refused on body, writing nothing", async () => {
    const subject = "S".repeat(200);
    const macroId = await newMacro(h, { body: "{{ticket.subject}}".repeat(500) });
    const ticketId = await ownersTicket(subject);
    const before = await footprint(ticketId);
    const call = (await h.caller("staffSupport")).macros.applyToTicket({ macroId, ticketId, version: 1 });
    expect(await errorField(call)).toBe("body");
    expect(await footprint(ticketId)).toEqual(before);
  });
});
