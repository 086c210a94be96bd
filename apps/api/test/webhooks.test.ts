import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { webhookDeliveries } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addMember } from "../src/team/service.ts";
import { runWebhookDispatch } from "../src/white-label/webhook-dispatcher.ts";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";

/** A real HTTP receiver on loopback: records what arrives and answers with the status queued. */
interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
let receiver: Server;
let receiverUrl = "";
const received: Received[] = [];
const statuses: number[] = [];

let h: TestHarness;
beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    received.push({ path: req.url ?? "/", headers: req.headers, body });
    res.writeHead(statuses.shift() ?? 200, { "content-type": "text/plain" });
    res.end("thanks");
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // Plain http to loopback is allowed for the receiver by this flag; production refuses it.
  h = await createTestHarness({ ALLOW_INSECURE_LOOPBACK: "true" });
});
afterAll(async () => {
  await h.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
beforeEach(() => {
  received.length = 0;
  statuses.length = 0;
});

const SECOND = 1000;
let owners = 0;
const enterpriseOwner = async () => {
  const { organization, license } = await h.newLicensedOrganization("ENTERPRISE");
  const user = await addMember(h.system, organization.id, {
    name: "Owner",
    email: `owner${owners++}@hooks.test`,
    password: TEST_PASSWORD,
    role: "OWNER",
  });
  return {
    caller: await h.callerWithToken(await h.sessionToken(user.id)),
    organizationId: organization.id,
    license,
  };
};

/** Check a delivery's signature as a receiver would: HMAC-SHA256(secret, `${t}.${body}`). */
const signatureValid = (secret: string, header: string, body: string) => {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=") as [string, string]));
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
};

describe("webhook deliveries", () => {
  it("a subscribed event is delivered once, signed with HMAC-SHA256, and its attempt is visible", async () => {
    const { caller, organizationId } = await enterpriseOwner();
    const { integration, secret } = await caller.whiteLabel.createIntegration({
      name: "Helpdesk",
      url: `${receiverUrl}/hooks/tessera`,
      events: ["ticket.created", "ticket.status_changed"],
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32,}$/);
    expect(JSON.stringify(integration)).not.toContain(secret);
    expect(JSON.stringify(await caller.whiteLabel.config())).not.toContain(secret);

    const ticketId = await h.newTicket(organizationId);
    expect(await runWebhookDispatch(h.deps, h.clock.now())).toEqual({ attempted: 1, delivered: 1 });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.path).toBe("/hooks/tessera");
    expect(request?.headers["tessera-event"]).toBe("ticket.created");
    expect(signatureValid(secret, String(request?.headers["tessera-signature"]), request?.body ?? "")).toBe(
      true,
    );
    expect(
      signatureValid("whsec_wrong", String(request?.headers["tessera-signature"]), request?.body ?? ""),
    ).toBe(false);
    const payload = JSON.parse(request?.body ?? "{}");
    expect(payload).toMatchObject({
      type: "ticket.created",
      organizationId,
      data: { object: "ticket", objectId: ticketId },
    });
    expect(request?.headers["tessera-delivery"]).toBeTruthy();

    const page = await caller.whiteLabel.deliveries({ integrationId: integration.id });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ eventType: "ticket.created", status: "DELIVERED", attempts: 1 });
    expect(page.items[0]?.attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 200, error: null, responseExcerpt: "thanks" }),
    ]);
    expect(await runWebhookDispatch(h.deps, h.clock.now())).toEqual({ attempted: 0, delivered: 0 });
  });

  it("a failing receiver is retried with backoff (30 s, then 2 min), each attempt recorded", async () => {
    const { caller, organizationId } = await enterpriseOwner();
    const { integration } = await caller.whiteLabel.createIntegration({
      name: "Flaky",
      url: `${receiverUrl}/flaky`,
      events: ["ticket.created"],
    });
    await h.newTicket(organizationId);
    const start = h.clock.now();
    const at = (ms: number) => new Date(start.getTime() + ms);
    statuses.push(500, 503);
    expect(await runWebhookDispatch(h.deps, at(0))).toEqual({ attempted: 1, delivered: 0 });
    const [pending] = await h.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.integrationId, integration.id));
    expect(pending).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500 });
    expect(pending?.nextAttemptAt.getTime()).toBe(at(30 * SECOND).getTime());
    expect(await runWebhookDispatch(h.deps, at(29 * SECOND))).toEqual({ attempted: 0, delivered: 0 });
    h.clock.set(at(30 * SECOND));
    expect(await runWebhookDispatch(h.deps, at(30 * SECOND))).toEqual({ attempted: 1, delivered: 0 });
    h.clock.set(at(30 * SECOND + 120 * SECOND));
    expect(await runWebhookDispatch(h.deps, h.clock.now())).toEqual({ attempted: 1, delivered: 1 });
    h.clock.set(start);
    const [item] = (await caller.whiteLabel.deliveries({ integrationId: integration.id })).items;
    expect(item?.status).toBe("DELIVERED");
    expect(item?.attemptLog.map((attempt) => [attempt.attempt, attempt.statusCode, attempt.error])).toEqual([
      [1, 500, "HTTP 500"],
      [2, 503, "HTTP 503"],
      [3, 200, null],
    ]);
    expect(received).toHaveLength(3);
    // every retry carries the same event id, so the receiver can drop duplicates
    expect(new Set(received.map((r) => JSON.parse(r.body).id)).size).toBe(1);
  });

  it("after the last retry a delivery is DEAD; an admin retries it; a delivered one cannot be retried", async () => {
    const { caller, organizationId } = await enterpriseOwner();
    const { integration } = await caller.whiteLabel.createIntegration({
      name: "Down",
      url: `${receiverUrl}/down`,
      events: ["ticket.created"],
    });
    await h.newTicket(organizationId);
    const start = h.clock.now();
    let now = start;
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push(500);
      await runWebhookDispatch(h.deps, now);
      now = new Date(now.getTime() + 2 * 86_400_000);
      h.clock.set(now);
    }
    h.clock.set(start);
    const [dead] = (await caller.whiteLabel.deliveries({ integrationId: integration.id })).items;
    expect(dead).toMatchObject({ status: "DEAD", attempts: 7 });
    expect(await runWebhookDispatch(h.deps, now)).toEqual({ attempted: 0, delivered: 0 });

    await caller.whiteLabel.retryDelivery({ deliveryId: dead?.id ?? "" });
    expect(await runWebhookDispatch(h.deps, h.clock.now())).toEqual({ attempted: 1, delivered: 1 });
    expect(await errorCode(caller.whiteLabel.retryDelivery({ deliveryId: dead?.id ?? "" }))).toBe("CONFLICT");
  });

  it("only subscribed, enabled webhooks of the event's own organisation receive it", async () => {
    const a = await enterpriseOwner();
    const b = await enterpriseOwner();
    const { integration: hookA } = await a.caller.whiteLabel.createIntegration({
      name: "A",
      url: `${receiverUrl}/a`,
      events: ["license.suspended"],
    });
    await b.caller.whiteLabel.createIntegration({
      name: "B",
      url: `${receiverUrl}/b`,
      events: ["ticket.created"],
    });
    const off = await b.caller.whiteLabel.createIntegration({
      name: "B off",
      url: `${receiverUrl}/b-off`,
      events: ["ticket.created"],
      enabled: false,
    });
    await h.newTicket(a.organizationId); // A is not subscribed to tickets
    await h.newTicket(b.organizationId);
    await (await h.caller("staffAdmin")).licenses.suspend({ licenseId: a.license.id, reason: "non-payment" });
    await runWebhookDispatch(h.deps, h.clock.now());
    expect(received.map((r) => [r.path, JSON.parse(r.body).type]).sort()).toEqual([
      ["/a", "license.suspended"],
      ["/b", "ticket.created"],
    ]);
    expect((await a.caller.whiteLabel.deliveries({ integrationId: hookA.id })).total).toBe(1);
    expect((await b.caller.whiteLabel.deliveries({ integrationId: off.integration.id })).total).toBe(0);
    // another organisation's webhook is invisible
    expect(await errorCode(b.caller.whiteLabel.deliveries({ integrationId: hookA.id }))).toBe("NOT_FOUND");
  });

  it("two dispatchers (two API instances) running at once send each delivery once", async () => {
    const { caller, organizationId } = await enterpriseOwner();
    await caller.whiteLabel.createIntegration({
      name: "Busy",
      url: `${receiverUrl}/busy`,
      events: ["ticket.created"],
    });
    for (let i = 0; i < 12; i++) await h.newTicket(organizationId);
    const second = await h.secondInstance();
    try {
      const results = await Promise.all([
        runWebhookDispatch(h.deps, h.clock.now()),
        runWebhookDispatch(second.deps, h.clock.now()),
        runWebhookDispatch(h.deps, h.clock.now()),
      ]);
      expect(results.reduce((sum, result) => sum + result.delivered, 0)).toBe(12);
    } finally {
      await second.close();
    }
    expect(received).toHaveLength(12);
    expect(new Set(received.map((r) => JSON.parse(r.body).id)).size).toBe(12);
  });

  it("a test event (ping) reaches the webhook; a rotated secret signs from then on", async () => {
    const { caller } = await enterpriseOwner();
    const created = await caller.whiteLabel.createIntegration({
      name: "Ping",
      url: `${receiverUrl}/ping`,
      events: ["usage.alert"],
    });
    const rotated = await caller.whiteLabel.rotateIntegrationSecret({
      integrationId: created.integration.id,
    });
    expect(rotated.secret).not.toBe(created.secret);
    await caller.whiteLabel.sendTestEvent({ integrationId: created.integration.id });
    await runWebhookDispatch(h.deps, h.clock.now());
    const [ping] = received;
    expect(JSON.parse(ping?.body ?? "{}").type).toBe("ping");
    const header = String(ping?.headers["tessera-signature"]);
    expect(signatureValid(rotated.secret, header, ping?.body ?? "")).toBe(true);
    expect(signatureValid(created.secret, header, ping?.body ?? "")).toBe(false);
  });
});

describe("webhook destinations", () => {
  it("without the loopback allowance, http URLs are refused and a loopback receiver is never called", async () => {
    const { caller, organizationId } = await enterpriseOwner();
    const config = h.deps.config as { ALLOW_INSECURE_LOOPBACK: boolean };
    config.ALLOW_INSECURE_LOOPBACK = false;
    try {
      const http = caller.whiteLabel.createIntegration({
        name: "Plain",
        url: `${receiverUrl}/x`,
        events: ["ticket.created"],
      });
      expect(await errorField(http)).toBe("url");
      const { integration } = await caller.whiteLabel.createIntegration({
        name: "Inside",
        url: `https://127.0.0.1:${(receiver.address() as AddressInfo).port}/inside`,
        events: ["ticket.created"],
      });
      await h.newTicket(organizationId);
      await runWebhookDispatch(h.deps, h.clock.now());
      const [item] = (await caller.whiteLabel.deliveries({ integrationId: integration.id })).items;
      expect(item?.attemptLog[0]?.error).toBe("refused: 127.0.0.1 is loopback: not a public address");
      expect(received).toHaveLength(0);
    } finally {
      config.ALLOW_INSECURE_LOOPBACK = true;
    }
  });

  it.each([
    ["not a URL", { url: "hooks" }, "url"],
    ["no events", { events: [] }, "events"],
    ["an unknown event", { events: ["ticket.deleted"] }, "events.0"],
    ["an empty name", { name: " " }, "name"],
  ])("an integration with %s is refused naming the field, nothing stored", async (_label, change, field) => {
    const { caller } = await enterpriseOwner();
    const input = { name: "Hook", url: `${receiverUrl}/ok`, events: ["ticket.created"], ...change };
    expect(await errorField(caller.whiteLabel.createIntegration(input as never))).toBe(field);
    expect((await caller.whiteLabel.config()).integrations).toEqual([]);
  });
});
