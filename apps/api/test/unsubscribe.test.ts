import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mailOutbox, mailPreferences } from "@tessera/db/schema";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRequestHandler } from "../src/http.ts";
import { reinstateLicense, suspendLicense } from "../src/licenses/lifecycle.ts";
import { runMailDelivery } from "../src/mail/delivery.ts";
import { createTestHarness, type TestHarness } from "./harness.ts";
import { type ReceivedMail, type SmtpSink, startSmtpSink } from "./support/smtp-sink.ts";

/** The real request handler on a loopback port; the harness's PUBLIC_URL points at it, so mails link here. */
let h: TestHarness;
let sink: SmtpSink;
let server: Server;
beforeAll(async () => {
  sink = await startSmtpSink();
  let handler: RequestListener = (_req, res) => res.end();
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  h = await createTestHarness({ SMTP_URL: sink.url, PUBLIC_URL: `http://127.0.0.1:${port}` });
  const handle = createRequestHandler(h.deps);
  handler = (req, res) => void handle(req, res);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
  await sink.close();
});
beforeEach(async () => {
  await h.db.delete(mailOutbox);
  await h.db.delete(mailPreferences);
  sink.mails.length = 0;
});

const deliver = () => runMailDelivery(h.deps, h.clock.now());
const preferences = () => h.db.select().from(mailPreferences);
const unsubscribeLink = (mail: ReceivedMail | undefined) => {
  const link = mail?.links.find((href) => href.includes("/mail/unsubscribe?token="));
  if (!link) throw new Error("the mail has no unsubscribe link");
  return link;
};

/** A license mail to organisation A's owner, delivered; returns what arrived. */
const licenseMail = async () => {
  await suspendLicense(h.system, h.licenseA.id, "unpaid");
  await reinstateLicense(h.system, h.licenseA.id);
  await deliver();
  return sink.mails.filter((mail) => mail.to.includes("owner@a.test"));
};

/** A team mail to A's member (category TEAM), delivered; whether it arrived. */
const teamMailArrives = async () => {
  sink.mails.length = 0;
  const owner = await h.caller("ownerA");
  await owner.team.changeRole({ userId: h.userIds.memberA, role: "ADMIN" });
  await owner.team.changeRole({ userId: h.userIds.memberA, role: "MEMBER" });
  await deliver();
  return sink.mails.some((mail) => mail.to.includes("member@a.test"));
};

describe("unsubscribe over HTTP", () => {
  it("GET asks without changing anything; the one-click POST switches the category off at once", async () => {
    const [first] = await licenseMail();
    const link = unsubscribeLink(first);
    expect(first?.headerLines).toContain(`List-Unsubscribe: <${link}>`);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await page.text();
    expect(html).toContain("Stop License emails to <strong>owner@a.test</strong>?");
    expect(html).toMatch(/<form action="\/mail\/unsubscribe\?token=[\w-]+" method="post">/);
    expect(await preferences()).toEqual([]); // a link scanner's GET changes nothing

    // as a mail provider sends it (RFC 8058): no cookie, no Origin, the form body
    const oneClick = await fetch(link, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain("owner@a.test gets no more License emails.");
    expect(await preferences()).toMatchObject([
      { userId: h.userIds.ownerA, category: "LICENSE", email: false },
    ]);

    // the next license mail is not sent to them; team mail (another category) still is
    sink.mails.length = 0;
    expect(await licenseMail()).toEqual([]);
    expect(await teamMailArrives()).toBe(true);
  });

  it("the page's own button (a same-origin form POST) works as well, and says so again when repeated", async () => {
    const link = unsubscribeLink((await licenseMail())[0]);
    const origin = new URL(link).origin;
    for (let round = 0; round < 2; round++) {
      const answer = await fetch(link, { method: "POST", headers: { origin } });
      expect(answer.status).toBe(200);
    }
    expect(await preferences()).toHaveLength(1);
  });

  it("a tampered or unknown token answers 404 'This link is not valid' and changes nothing", async () => {
    const link = unsubscribeLink((await licenseMail())[0]);
    const token = new URL(link).searchParams.get("token") ?? "";
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const base = link.slice(0, link.indexOf("?"));
    for (const bad of [tampered, "", "short", `${token}x`, "<script>alert(1)</script>"]) {
      for (const method of ["GET", "POST"]) {
        const answer = await fetch(`${base}?token=${encodeURIComponent(bad)}`, { method });
        expect(answer.status).toBe(404);
        const html = await answer.text();
        expect(html).toContain("This link is not valid");
        expect(html).not.toContain("<script>");
      }
    }
    expect(await preferences()).toEqual([]);
  });
});
