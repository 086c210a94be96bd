import { mailOutbox } from "@tessera/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suspendLicense } from "../src/licenses/lifecycle.ts";
import { runMailDelivery } from "../src/mail/delivery.ts";
import { createTestHarness, errorCode, type Persona, type TestHarness } from "./harness.ts";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink.ts";

let h: TestHarness;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  h = await createTestHarness({ SMTP_URL: sink.url, PUBLIC_URL: "https://tessera.example" });
  await suspendLicense(h.system, h.licenseA.id, "Invoice 7 unpaid");
  await runMailDelivery(h.deps, h.clock.now());
  // queued a minute later, not yet sent: listed first, as PENDING
  h.clock.advance(60_000);
  await (await h.caller("ownerA")).support.create({ subject: "Pending one", description: "x" });
});
afterAll(async () => {
  await h.close();
  await sink.close();
});

describe("sent email (staff admins)", () => {
  it("lists the outbox newest first with status, attempts and the transport, filtered by status and recipient", async () => {
    const admin = await h.caller("staffAdmin");
    const all = await admin.mail.sent({});
    expect(all.transport).toBe("smtp");
    expect(all.items.map((mail) => [mail.toAddress, mail.status])).toEqual([
      ["support@staff.test", "PENDING"],
      ["owner@a.test", "SENT"],
    ]);
    expect(all.items[1]).toMatchObject({
      subject: "Your license is suspended — Org org-a",
      category: "LICENSE",
      attempts: 1,
    });
    expect(all.items[1]).not.toHaveProperty("unsubscribeTokenHash");
    expect((await admin.mail.sent({ status: "SENT" })).items.map((mail) => mail.toAddress)).toEqual([
      "owner@a.test",
    ]);
    expect((await admin.mail.sent({ recipient: "OWNER@A" })).total).toBe(1);
    expect((await admin.mail.sent({ recipient: "%" })).total).toBe(0); // a pattern character is literal
  });

  it("shows one mail as rendered, with its plain text and every attempt with the server's answer", async () => {
    const admin = await h.caller("staffAdmin");
    const { items } = await admin.mail.sent({ status: "SENT" });
    const mail = await admin.mail.get({ id: items[0]?.id ?? "" });
    expect(mail.html).toContain("Invoice 7 unpaid");
    expect(mail.text).toContain("Invoice 7 unpaid");
    expect(mail.attempts).toMatchObject([{ attempt: 1, ok: true, response: expect.stringMatching(/^250/) }]);
    expect(mail).not.toHaveProperty("unsubscribeTokenHash");
    expect(await errorCode(admin.mail.get({ id: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
  });

  it("is refused to every other staff role and to customers", async () => {
    const [sent] = await h.db.select({ id: mailOutbox.id }).from(mailOutbox).limit(1);
    const refused: Persona[] = ["staffSupport", "staffViewer", "ownerA", "adminA", "memberA", "ownerB"];
    for (const persona of refused) {
      const caller = await h.caller(persona);
      expect(await errorCode(caller.mail.sent({}))).toBe("FORBIDDEN");
      expect(await errorCode(caller.mail.get({ id: sent?.id ?? "" }))).toBe("FORBIDDEN");
    }
    expect(await errorCode((await h.caller("anonymous")).mail.sent({}))).toBe("UNAUTHENTICATED");
  });
});
