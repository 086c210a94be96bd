import { mailAttempts, mailOutbox, mailPreferences } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reinstateLicense, suspendLicense } from "../src/licenses/lifecycle.ts";
import { runMailDelivery } from "../src/mail/delivery.ts";
import { createMailer } from "../src/mail/mailer.ts";
import { pruneMail } from "../src/mail/pruning.ts";
import { createTestHarness, type TestHarness } from "./harness.ts";
import { RACES_NEED_POSTGRES, raceIt } from "./races-need-postgres.ts";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink.ts";

let h: TestHarness;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink({ refuse: (address) => address.startsWith("gone@") });
  h = await createTestHarness({ SMTP_URL: sink.url, PUBLIC_URL: "https://tessera.example" });
});
afterAll(async () => {
  await h.close();
  await sink.close();
});
beforeEach(async () => {
  await h.db.delete(mailOutbox);
  sink.mails.length = 0;
});

const outbox = () => h.db.select().from(mailOutbox);
const deliver = () => runMailDelivery(h.deps, h.clock.now());

describe("mail delivery", () => {
  it("sends a license suspension to the owner over SMTP: branded, with plain text, the reason and an unsubscribe link", async () => {
    await suspendLicense(h.system, h.licenseA.id, "Invoice 42 unpaid");
    const [queued] = await outbox();
    expect(queued).toMatchObject({ status: "PENDING", toAddress: "owner@a.test", category: "LICENSE" });

    expect(await deliver()).toEqual({ attempted: 1, sent: 1 });
    const mail = await sink.waitFor((received) => received.to.includes("owner@a.test"));
    expect(mail.subject).toBe("Your license is suspended — Org org-a");
    expect(mail.text).toContain("Invoice 42 unpaid");
    expect(mail.text).toContain("You are an owner of Org org-a");
    expect(mail.links).toContain("https://tessera.example/portal/license");
    const unsubscribe = mail.links.find((link) =>
      link.startsWith("https://tessera.example/mail/unsubscribe?token="),
    );
    expect(unsubscribe).toBeDefined();
    expect(mail.headerLines).toContain(`List-Unsubscribe: <${unsubscribe}>`);
    expect(mail.headerLines).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    const [sent] = await outbox();
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, subject: mail.subject });
    expect(sent?.html).toContain("Invoice 42 unpaid");
    const attempts = await h.db
      .select()
      .from(mailAttempts)
      .where(eq(mailAttempts.mailId, sent?.id ?? ""));
    expect(attempts).toMatchObject([{ attempt: 1, ok: true, response: expect.stringMatching(/^250/) }]);
    // Sent once: the next run finds nothing due.
    expect(await deliver()).toEqual({ attempted: 0, sent: 0 });
    await reinstateLicense(h.system, h.licenseA.id);
  });

  it("wears the organisation's branding: its name as sender and header, its logo and colour", async () => {
    const owner = await h.caller("ownerA");
    await owner.whiteLabel.enableWhiteLabel({ enabled: true });
    await owner.whiteLabel.setBranding({
      companyName: "Acme Learning",
      logoUrl: "https://cdn.acme.example/logo.png",
      primaryColor: "#1D4ED8",
      secondaryColor: "#0f172a",
      accentColor: "#f59e0b",
    });
    await suspendLicense(h.system, h.licenseA.id, "paused");
    await reinstateLicense(h.system, h.licenseA.id);
    expect(await deliver()).toEqual({ attempted: 2, sent: 2 });
    for (const mail of sink.mails) {
      expect(mail.from).toBe('"Acme Learning" <no-reply@tessera.test>');
      expect(mail.html).toContain('src="https://cdn.acme.example/logo.png"');
      expect(mail.html).toContain("background-color:#1d4ed8");
    }
    await owner.whiteLabel.enableWhiteLabel({ enabled: false });
    await suspendLicense(h.system, h.licenseA.id, "paused");
    await deliver();
    expect(sink.mails[2]?.from).toBe('"Tessera" <no-reply@tessera.test>');
    await reinstateLicense(h.system, h.licenseA.id);
  });

  it("queues nothing when the change rolls back (the mail is written in the change's transaction)", async () => {
    await expect(
      h.db.transaction(async (tx) => {
        await suspendLicense({ ...h.system, db: tx }, h.licenseA.id, "rolled back");
        expect(await tx.select().from(mailOutbox)).toHaveLength(1);
        throw new Error("the change fails after the event");
      }),
    ).rejects.toThrow("the change fails after the event");
    expect(await outbox()).toEqual([]);
  });

  it("records a permanent refusal with the server's answer and does not retry it", async () => {
    await h.db.insert(mailOutbox).values({
      toAddress: "gone@b.test",
      category: "SECURITY",
      template: "license-status",
      data: { organizationName: "B", change: "renewed", tier: "STARTER", expiresAt: null, reason: null },
      nextAttemptAt: h.clock.now(),
    });
    expect(await deliver()).toEqual({ attempted: 1, sent: 0 });
    const [dead] = await outbox();
    expect(dead).toMatchObject({ status: "DEAD", attempts: 1, lastError: expect.stringContaining("550") });
  });

  it("retries a mail the server could not take, with backoff", async () => {
    const closedPort = await startSmtpSink();
    await closedPort.close();
    const down = { ...h.deps, mailer: createMailer({ ...h.config, SMTP_URL: closedPort.url }) };
    await h.db.insert(mailOutbox).values({
      toAddress: "owner@a.test",
      category: "SECURITY",
      template: "license-status",
      data: { organizationName: "A", change: "renewed", tier: "STARTER", expiresAt: null, reason: null },
      nextAttemptAt: h.clock.now(),
    });
    expect(await runMailDelivery(down, h.clock.now())).toEqual({ attempted: 1, sent: 0 });
    const [pending] = await outbox();
    expect(pending).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: expect.stringContaining("ECONNREFUSED"),
    });
    expect(pending?.nextAttemptAt.getTime()).toBe(h.clock.now().getTime() + 60_000);
    expect(await deliver()).toEqual({ attempted: 0, sent: 0 }); // not due yet
    expect(await runMailDelivery(h.deps, new Date(h.clock.now().getTime() + 60_000))).toEqual({
      attempted: 1,
      sent: 1,
    });
  });

  it("skips a notification whose recipient switched the category off, before or after it was queued", async () => {
    await h.db
      .insert(mailPreferences)
      .values({ userId: h.userIds.ownerA, category: "LICENSE", email: false });
    await suspendLicense(h.system, h.licenseA.id, "paused");
    expect(await outbox()).toEqual([]);
    await h.db.delete(mailPreferences);
    await reinstateLicense(h.system, h.licenseA.id);
    await h.db
      .insert(mailPreferences)
      .values({ userId: h.userIds.ownerA, category: "LICENSE", email: false });
    expect(await deliver()).toEqual({ attempted: 1, sent: 0 });
    expect(await outbox()).toMatchObject([{ status: "SKIPPED" }]);
    expect(sink.mails).toEqual([]);
    await h.db.delete(mailPreferences);
  });

  it("without SMTP_URL, sends to the development mailbox: a real SMTP listener inside the process", async () => {
    const mailbox = createMailer({ ...h.config, SMTP_URL: undefined });
    expect(mailbox.mode).toBe("development");
    await suspendLicense(h.system, h.licenseA.id, "paused");
    expect(await runMailDelivery({ ...h.deps, mailer: mailbox }, h.clock.now())).toEqual({
      attempted: 1,
      sent: 1,
    });
    await mailbox.close();
    const [kept] = await outbox();
    expect(kept).toMatchObject({ status: "SENT", subject: "Your license is suspended — Org org-a" });
    expect(kept?.html).toContain("paused");
    const [attempt] = await h.db
      .select()
      .from(mailAttempts)
      .where(eq(mailAttempts.mailId, kept?.id ?? ""));
    expect(attempt?.response).toMatch(/^250/);
    expect(sink.mails).toEqual([]);
    await reinstateLicense(h.system, h.licenseA.id);
  });

  it("prunes finished mails after 30 days and keeps pending ones whatever their age", async () => {
    const old = new Date(h.clock.now().getTime() - 31 * 86_400_000);
    const mail = {
      toAddress: "owner@a.test",
      category: "LICENSE" as const,
      template: "license-status",
      data: {},
      nextAttemptAt: old,
      createdAt: old,
    };
    await h.db.insert(mailOutbox).values([
      { ...mail, status: "SENT" },
      { ...mail, status: "DEAD" },
      { ...mail, status: "PENDING" },
      { ...mail, status: "SENT", createdAt: h.clock.now() },
    ]);
    expect(await pruneMail(h.deps, h.clock.now())).toBe(2);
    expect((await outbox()).map((row) => row.status).sort()).toEqual(["PENDING", "SENT"]);
  });

  raceIt(`two instances sending at once send each mail once ${RACES_NEED_POSTGRES}`, async () => {
    for (let round = 0; round < 6; round++) {
      await suspendLicense(h.system, h.licenseA.id, `round ${round}`);
      await reinstateLicense(h.system, h.licenseA.id);
    }
    const second = await h.secondInstance();
    const secondDeps = { ...second.deps, mailer: createMailer({ ...h.config, SMTP_URL: sink.url }) };
    await Promise.all([deliver(), runMailDelivery(secondDeps, h.clock.now()), deliver()]);
    await secondDeps.mailer.close();
    await second.close();
    expect(sink.mails).toHaveLength(12);
    expect((await outbox()).every((mail) => mail.status === "SENT" && mail.attempts === 1)).toBe(true);
  });
});
