import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mailOutbox, satisfactionLinks, ticketSatisfaction } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRequestHandler } from "../src/http.ts";
import { runMailDelivery } from "../src/mail/delivery.ts";
import { createTestHarness, errorCode, TEST_START, type TestHarness } from "./harness.ts";
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
  h.clock.set(TEST_START);
  await h.db.delete(mailOutbox);
  sink.mails.length = 0;
});

const ratingOf = async (ticketId: string) =>
  (await h.db.select().from(ticketSatisfaction).where(eq(ticketSatisfaction.ticketId, ticketId)))[0] ?? null;

/** Organisation A's owner opens a ticket in the portal; the agent answers and resolves it. */
const resolvedByAgent = async () => {
  const ticketId = (
    await (await h.caller("ownerA")).support.create({ subject: "Slow exports", description: "x" })
  ).id;
  const agent = await h.caller("staffSupport");
  await agent.support.reply({ ticketId, body: "Fixed", internal: false });
  await agent.support.updateStatus({ ticketId, status: "RESOLVED" });
  return ticketId;
};

const rateLink = async (rating: "GOOD" | "BAD") => {
  await runMailDelivery(h.deps, h.clock.now());
  const mail = sink.mails.find(
    (m: ReceivedMail) => m.to.includes("owner@a.test") && m.subject.includes("resolved"),
  );
  const link = mail?.links.find(
    (href) => href.includes("/mail/rate?token=") && href.endsWith(`rating=${rating}`),
  );
  if (!link) throw new Error("the resolution mail has no rating link");
  return link;
};

const post = (link: string, form: Record<string, string>) =>
  fetch(link, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });

describe("rating in the portal", () => {
  it("the organisation rates a resolved ticket, may change it until it is closed, and staff see it", async () => {
    const ticketId = await resolvedByAgent();
    const owner = await h.caller("ownerA");
    expect(await owner.satisfaction.mine({ ticketId })).toBeNull();
    await owner.satisfaction.rateMine({ ticketId, rating: "BAD", comment: "Took a while" });
    const rated = await owner.satisfaction.rateMine({ ticketId, rating: "GOOD", comment: " Quick fix " });
    expect(rated).toEqual({ rating: "GOOD", comment: "Quick fix", ratedAt: h.clock.now() });
    expect(
      await h.db.select().from(ticketSatisfaction).where(eq(ticketSatisfaction.ticketId, ticketId)),
    ).toHaveLength(1);
    expect(await (await h.caller("staffViewer")).satisfaction.forTicket({ ticketId })).toMatchObject({
      rating: "GOOD",
      comment: "Quick fix",
      ratedByName: "Owner org-a",
    });

    await owner.support.updateMyStatus({ ticketId, status: "CLOSED" });
    expect(await errorCode(owner.satisfaction.rateMine({ ticketId, rating: "BAD" }))).toBe(
      "TICKET_NOT_RATABLE",
    );
    expect((await ratingOf(ticketId))?.rating).toBe("GOOD");
  });

  it("an unresolved ticket has nothing to rate yet", async () => {
    const ticketId = await h.newTicket(h.orgA.id);
    expect(
      await errorCode((await h.caller("memberA")).satisfaction.rateMine({ ticketId, rating: "GOOD" })),
    ).toBe("TICKET_NOT_RATABLE");
    expect(await ratingOf(ticketId)).toBeNull();
  });

  it("another organisation's ticket is NOT_FOUND, to read or to rate, and keeps its rating", async () => {
    const ticketId = await resolvedByAgent();
    await (await h.caller("ownerA")).satisfaction.rateMine({ ticketId, rating: "GOOD" });
    const stranger = await h.caller("ownerB");
    expect(await errorCode(stranger.satisfaction.rateMine({ ticketId, rating: "BAD", comment: "x" }))).toBe(
      "NOT_FOUND",
    );
    expect(await errorCode(stranger.satisfaction.mine({ ticketId }))).toBe("NOT_FOUND");
    expect(await ratingOf(ticketId)).toMatchObject({ rating: "GOOD", ratedBy: h.userIds.ownerA });
  });
});

describe("rating from the resolution mail", () => {
  it("GET shows the form and changes nothing; the POST records the rating for the link's ticket and user", async () => {
    const ticketId = await resolvedByAgent();
    const link = await rateLink("GOOD");
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await page.text();
    expect(html).toContain('<input type="radio" required="" name="rating" checked="" value="GOOD"/>');
    expect(html).toContain('<input type="radio" required="" name="rating" value="BAD"/>');
    expect(html).toMatch(/<form action="\/mail\/rate\?token=[\w-]+" method="post">/);
    expect(await ratingOf(ticketId)).toBeNull(); // a link scanner's GET changes nothing

    // the form's own fields; a ticket id slipped in is ignored: the token names the ticket
    const other = await resolvedByAgent();
    const answer = await post(link, { rating: "GOOD", comment: "Thanks!", ticketId: other });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("was recorded");
    expect(await ratingOf(ticketId)).toMatchObject({
      rating: "GOOD",
      comment: "Thanks!",
      ratedBy: h.userIds.ownerA,
    });
    expect(await ratingOf(other)).toBeNull();

    // changed once more from the same link, then final once the ticket is closed
    expect((await post(link, { rating: "BAD" })).status).toBe(200);
    expect(await ratingOf(ticketId)).toMatchObject({ rating: "BAD", comment: null });
    await (await h.caller("ownerA")).support.updateMyStatus({ ticketId, status: "CLOSED" });
    const late = await post(link, { rating: "GOOD" });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("its rating is final");
    expect((await ratingOf(ticketId))?.rating).toBe("BAD");
  });

  it("a form without a rating is asked again (400), writing nothing", async () => {
    const ticketId = await resolvedByAgent();
    const answer = await post(await rateLink("BAD"), { rating: "MEH" });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain("Choose good or bad");
    expect(await ratingOf(ticketId)).toBeNull();
  });

  it("a tampered, unknown or expired token answers 404 and changes nothing", async () => {
    const ticketId = await resolvedByAgent();
    const link = await rateLink("GOOD");
    const token = new URL(link).searchParams.get("token") ?? "";
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const base = link.slice(0, link.indexOf("?"));
    for (const bad of [tampered, "", "short", `${token}x`, "<script>alert(1)</script>"]) {
      for (const method of ["GET", "POST"]) {
        const answer = await fetch(`${base}?token=${encodeURIComponent(bad)}`, {
          method,
          body: method === "POST" ? "rating=GOOD" : null,
        });
        expect(answer.status).toBe(404);
        const html = await answer.text();
        expect(html).toContain("This link is not valid");
        expect(html).not.toContain("<script>");
      }
    }
    h.clock.set(new Date(TEST_START.getTime() + 15 * 86_400_000));
    expect((await fetch(link)).status).toBe(404);
    expect((await post(link, { rating: "GOOD" })).status).toBe(404);
    expect(await ratingOf(ticketId)).toBeNull();
  });

  it("only the token's SHA-256 is kept, and the sent mail forgets the token", async () => {
    await resolvedByAgent();
    const token = new URL(await rateLink("GOOD")).searchParams.get("token") ?? "";
    const links = await h.db.select().from(satisfactionLinks);
    expect(links.some((row) => row.tokenHash === token)).toBe(false);
    const [mail] = await h.db.select().from(mailOutbox).where(eq(mailOutbox.template, "ticket-resolved"));
    expect(JSON.stringify(mail)).not.toContain(token);
  });

  it("a requester who resolves their own ticket in the portal gets no mail asking them", async () => {
    const owner = await h.caller("ownerA");
    const { id: ticketId } = await owner.support.create({ subject: "Never mind", description: "x" });
    await (await h.caller("staffSupport")).support.reply({ ticketId, body: "Looking", internal: false });
    await owner.support.updateMyStatus({ ticketId, status: "RESOLVED" });
    const mails = await h.db.select().from(mailOutbox).where(eq(mailOutbox.template, "ticket-resolved"));
    expect(mails).toEqual([]);
  });
});

describe("satisfaction in the support stats", () => {
  it("counts ratings given in the period and the share of good ones", async () => {
    const ratedAt = new Date(TEST_START.getTime() + 2 * 3_600_000);
    h.clock.set(ratedAt);
    const owner = await h.caller("ownerA");
    for (const rating of ["GOOD", "GOOD", "BAD"] as const) {
      await owner.satisfaction.rateMine({ ticketId: await resolvedByAgent(), rating });
    }
    const stats = async (fromHours: number, toHours: number) =>
      (
        await (
          await h.caller("staffViewer")
        ).support.stats({
          from: new Date(ratedAt.getTime() + fromHours * 3_600_000),
          to: new Date(ratedAt.getTime() + toHours * 3_600_000),
        })
      ).satisfaction;
    expect(await stats(-0.5, 0.5)).toEqual({ rated: 3, good: 2, goodShare: 2 / 3 });
    // ratings outside the period (the other tests' ones, earlier) are not counted
    expect(await stats(1, 2)).toEqual({ rated: 0, good: 0, goodShare: null });
  });
});
