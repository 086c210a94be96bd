import { auditEvents, webhookEvents } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENT_CONSUMERS } from "../src/events/consumers.ts";
import { recordEvent } from "../src/events/record-event.ts";
import { createTestHarness, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

/** An ENTERPRISE organisation with a webhook subscribed to ticket.created. */
const subscribedOrganization = async () => {
  const { organization } = await h.newLicensedOrganization("ENTERPRISE");
  await h.newCustomization(organization.id, "INTEGRATION");
  return organization.id;
};

const ticketCreated = (organizationId: string, targetId: string) => ({
  action: "ticket.created",
  organizationId,
  targetType: "ticket",
  targetId,
  after: { subject: "Printer on fire", secret: "never-in-a-snapshot" },
});

const written = async (organizationId: string) => ({
  audit: await h.db.select().from(auditEvents).where(eq(auditEvents.organizationId, organizationId)),
  webhooks: await h.db.select().from(webhookEvents).where(eq(webhookEvents.organizationId, organizationId)),
});

describe("domain events", () => {
  it("happy: one recorded event reaches every registered consumer: an audit row and a webhook event", async () => {
    expect(EVENT_CONSUMERS.map((consumer) => consumer.name)).toEqual([
      "writeAuditEntry",
      "publishAsWebhook",
      "mailLicenseStatus",
      "mailLicenseExpiry",
      "mailUsageAlert",
      "mailSupportTicket",
      "mailSupportSla",
      "mailTeamChange",
      "mailDomainLapsed",
      "mailTicketResolved",
    ]);
    const organizationId = await subscribedOrganization();
    const targetId = crypto.randomUUID();
    await h.db.transaction((tx) => recordEvent(tx, h.system, ticketCreated(organizationId, targetId)));
    const { audit, webhooks } = await written(organizationId);
    const recorded = audit.filter((row) => row.action === "ticket.created");
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ targetType: "ticket", targetId, actorLabel: "system:seed" });
    expect(recorded[0]?.after).toMatchObject({ subject: "Printer on fire", secret: "[redacted]" });
    expect(webhooks).toHaveLength(1);
    expect(webhooks[0]?.payload).toMatchObject({
      type: "ticket.created",
      data: { object: "ticket", objectId: targetId, secret: "[redacted]" },
    });
  });

  it("error: consumers write in the caller's transaction, so a rolled-back change leaves no trace", async () => {
    const organizationId = await subscribedOrganization();
    const before = await written(organizationId);
    await expect(
      h.db.transaction(async (tx) => {
        await recordEvent(tx, h.system, ticketCreated(organizationId, crypto.randomUUID()));
        throw new Error("the change itself failed");
      }),
    ).rejects.toThrow("the change itself failed");
    const after = await written(organizationId);
    expect(after.audit).toHaveLength(before.audit.length);
    expect(after.webhooks).toHaveLength(0);
  });

  it("security: an event of an action customers cannot subscribe to is audited but never published", async () => {
    const organizationId = await subscribedOrganization();
    await h.db.transaction((tx) =>
      recordEvent(tx, h.system, {
        action: "api_key.created",
        organizationId,
        targetType: "api_key",
        targetId: crypto.randomUUID(),
        after: { keyHash: "deadbeef" },
      }),
    );
    const { audit, webhooks } = await written(organizationId);
    expect(audit.find((row) => row.action === "api_key.created")?.after).toEqual({ keyHash: "[redacted]" });
    expect(webhooks).toHaveLength(0);
  });
});
