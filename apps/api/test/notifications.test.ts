import { randomUUID } from "node:crypto";
import { licenses, mailOutbox, mailPreferences, organizations, tickets } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runLicenseSweep } from "../src/jobs/license-sweep.ts";
import { runMailDelivery } from "../src/mail/delivery.ts";
import { runSlaSweep } from "../src/support/sla-sweep.ts";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";
import { type ReceivedMail, type SmtpSink, startSmtpSink } from "./support/smtp-sink.ts";

let h: TestHarness;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  h = await createTestHarness({ SMTP_URL: sink.url, PUBLIC_URL: "https://tessera.example" });
});
afterAll(async () => {
  await h.close();
  await sink.close();
});
beforeEach(async () => {
  await h.db.delete(mailOutbox);
  await h.db.delete(mailPreferences);
  sink.mails.length = 0;
});

const DAY = 86_400_000;
/** Send what is due at `now` (the queueing job's time) and return what arrived. */
const deliver = async (now = h.clock.now()) => {
  await runMailDelivery(h.deps, now);
  return sink.mails;
};
const recipients = (mails: ReceivedMail[]) => mails.flatMap((mail) => mail.to).sort();
const about = (mails: ReceivedMail[], text: string) => mails.filter((mail) => mail.subject.includes(text));
const track = async (metric: "COURSES" | "ACTIVE_USERS", value: number) =>
  (await h.caller("orgKeyA")).usage.track({ metric, value, idempotencyKey: randomUUID() });

describe("license expiry reminders", () => {
  it("go to the owners, admins and account manager at 30 and 7 days, once per point however often the sweep runs", async () => {
    await h.db
      .update(organizations)
      .set({ accountManagerId: h.userIds.staffViewer })
      .where(eq(organizations.id, h.orgA.id));
    const [license] = await h.db.select().from(licenses).where(eq(licenses.id, h.licenseA.id));
    const expiresAt = license?.expiresAt?.getTime() ?? 0;
    const at30 = new Date(expiresAt - 30 * DAY + 3600_000);
    await runLicenseSweep(h.deps, at30);
    await runLicenseSweep(h.deps, at30);
    const mails = await deliver(at30);
    const a = about(mails, "Org org-a's license expires in 30 days");
    expect(recipients(a)).toEqual(["admin@a.test", "owner@a.test", "viewer@staff.test"]);
    // B's reminder is B's alone: nobody of A gets it, B's owner gets nothing of A's
    expect(recipients(about(mails, "Org org-b"))).toEqual(["owner@b.test"]);
    expect(mails).toHaveLength(4);
    const owner = a.find((mail) => mail.to.includes("owner@a.test"));
    expect(owner?.links).toContain("https://tessera.example/portal/license");
    const manager = a.find((mail) => mail.to.includes("viewer@staff.test"));
    expect(manager?.links).toContain(`https://tessera.example/console/licenses/${h.licenseA.id}`);
    expect(manager?.text).toContain("You are the account manager of Org org-a");

    sink.mails.length = 0;
    const at7 = new Date(expiresAt - 7 * DAY + 3600_000);
    await runLicenseSweep(h.deps, at7);
    await runLicenseSweep(h.deps, at7);
    expect(recipients(about(await deliver(at7), "Org org-a's license expires in 7 days"))).toEqual([
      "admin@a.test",
      "owner@a.test",
      "viewer@staff.test",
    ]);
    expect(sink.mails).toHaveLength(4);
  });
});

describe("usage alerts", () => {
  it("reach the owners and admins (not members, not another organisation) once per threshold", async () => {
    await track("COURSES", 85);
    await track("COURSES", 90); // still 80 %: no new alert, no new mail
    const mails = await deliver();
    expect(recipients(mails)).toEqual(["admin@a.test", "owner@a.test"]);
    expect(mails[0]?.subject).toBe("Org org-a used 80 % of its courses limit");
    expect(mails[0]?.links).toContain("https://tessera.example/portal/usage");

    sink.mails.length = 0;
    await track("COURSES", 100);
    const full = await deliver();
    expect(recipients(full)).toEqual(["admin@a.test", "owner@a.test"]);
    expect(full[0]?.subject).toBe("Org org-a reached its courses limit");
  });

  it("skip a person who switched usage mail off, while the other still gets it", async () => {
    await (await h.caller("adminA")).notifications.set({ category: "USAGE", email: false });
    await track("ACTIVE_USERS", 450);
    // not queued at all for them (delivery would skip it too, but the outbox stays clean)
    const queued = await h.db.select({ to: mailOutbox.toAddress }).from(mailOutbox);
    expect(queued.map((row) => row.to)).toEqual(["owner@a.test"]);
    expect(recipients(await deliver())).toEqual(["owner@a.test"]);
  });
});

describe("support", () => {
  it("a new ticket goes to its agent only; a CRITICAL one to every staff admin and the agent", async () => {
    const customer = await h.caller("ownerA");
    await customer.support.create({ subject: "Quiz export fails", description: "500 on export" });
    const routine = await deliver();
    expect(recipients(routine)).toEqual(["support@staff.test"]);
    expect(routine[0]?.subject).toMatch(/^SUP-\d+ assigned to you: Quiz export fails$/);

    sink.mails.length = 0;
    const critical = await customer.support.create({
      subject: "Nobody can sign in",
      description: "Since 9:00",
      priority: "CRITICAL",
    });
    const mails = await deliver();
    expect(recipients(mails)).toEqual(["admin@staff.test", "support@staff.test"]);
    expect(mails[0]?.subject).toBe(`CRITICAL ${critical.reference} from Org org-a: Nobody can sign in`);
    expect(mails[0]?.links).toContain(`https://tessera.example/console/support/${critical.id}`);
  });

  it("a public staff reply reaches the requester signed with the agent's name; an internal note sends nothing", async () => {
    const ticket = await (await h.caller("adminA")).support.create({
      subject: "Help",
      description: "Please",
    });
    await deliver();
    sink.mails.length = 0;
    const agent = await h.caller("staffSupport");
    await agent.support.reply({ ticketId: ticket.id, body: "Internal: check logs", internal: true });
    expect(await deliver()).toEqual([]);
    await agent.support.reply({ ticketId: ticket.id, body: "Fixed on our side.", internal: false });
    const [reply, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(reply?.to).toEqual(["admin@a.test"]);
    expect(reply?.subject).toBe(`Staff SUPPORT replied to ${ticket.reference}: Help`);
    expect(reply?.text).toContain("Fixed on our side.");
    expect(reply?.text).not.toContain("support@staff.test");
    expect(reply?.links).toContain(`https://tessera.example/portal/tickets/${ticket.id}`);
    // the customer's own reply goes to nobody
    sink.mails.length = 0;
    await (await h.caller("adminA")).support.replyMine({ ticketId: ticket.id, body: "Thanks" });
    expect(await deliver()).toEqual([]);
    // and the portal's thread names the agent, not their address
    const thread = await (await h.caller("adminA")).support.getMine({ ticketId: ticket.id });
    const staffMessage = thread.messages.find((message) => message.authorKind === "STAFF");
    expect(staffMessage).toMatchObject({ authorName: "Staff SUPPORT" });
  });

  it("SLA at risk goes to the agent; a breach to the agent and the support leads (staff admins)", async () => {
    const ticket = await (await h.caller("ownerA")).support.create({ subject: "Slow", description: "x" });
    const [row] = await h.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    const due = row?.responseDueAt?.getTime() ?? 0;
    await deliver();
    sink.mails.length = 0;

    const risky = new Date(due - 60_000);
    await runSlaSweep(h.deps, risky);
    await runSlaSweep(h.deps, risky);
    const atRisk = about(await deliver(risky), ticket.reference);
    expect(recipients(atRisk)).toEqual(["support@staff.test"]);
    expect(atRisk[0]?.subject).toBe(`SLA at risk: ${ticket.reference} first response — Slow`);

    sink.mails.length = 0;
    const late = new Date(due + 60_000);
    await runSlaSweep(h.deps, late);
    const breached = about(await deliver(late), ticket.reference);
    expect(recipients(breached)).toEqual(["admin@staff.test", "support@staff.test"]);
    expect(breached.every((mail) => mail.subject.startsWith("SLA breached"))).toBe(true);
  });
});

describe("team", () => {
  it("a role change and disabling reach the person concerned only", async () => {
    const owner = await h.caller("ownerA");
    await owner.team.changeRole({ userId: h.userIds.memberA, role: "ADMIN" });
    const [changed, ...others] = await deliver();
    expect(others).toEqual([]);
    expect(changed?.to).toEqual(["member@a.test"]);
    expect(changed?.subject).toBe("Your role in Org org-a is now ADMIN");

    sink.mails.length = 0;
    await owner.team.changeRole({ userId: h.userIds.memberA, role: "MEMBER" });
    await owner.team.setDisabled({ userId: h.userIds.memberA, disabled: true });
    const mails = await deliver();
    expect(recipients(mails)).toEqual(["member@a.test", "member@a.test"]);
    expect(about(mails, "was disabled").map((mail) => mail.subject)).toEqual([
      "Your Org org-a account was disabled",
    ]);
    sink.mails.length = 0;
    await owner.team.setDisabled({ userId: h.userIds.memberA, disabled: false });
    expect(await deliver()).toEqual([]);
  });
});

describe("preferences", () => {
  it("list every category for the signed-in person, security on and locked, and refuse switching it off", async () => {
    const member = await h.caller("staffSupport");
    const saved = await member.notifications.set({ category: "SUPPORT", email: false });
    expect(saved).toContainEqual({ category: "SUPPORT", email: false, locked: false });
    expect(await member.notifications.get()).toContainEqual({
      category: "SECURITY",
      email: true,
      locked: true,
    });
    expect(await (await h.caller("ownerA")).notifications.get()).toContainEqual({
      category: "SUPPORT",
      email: true,
      locked: false,
    });
    const refused = member.notifications.set({ category: "SECURITY", email: false } as never);
    expect(await errorCode(refused)).toBe("VALIDATION_FAILED");
    expect(await errorField(member.notifications.set({ category: "SECURITY", email: false } as never))).toBe(
      "category",
    );
  });
});
