import { randomUUID } from "node:crypto";
import type { Executor } from "@tessera/db";
import { customizations, webhookDeliveries, webhookEvents } from "@tessera/db/schema";
import { customizationGate, type WebhookEventType } from "@tessera/domain";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { currentEntitlements, latestLicenseEntitlements } from "../licenses/entitlements.ts";

/** The organisation's enabled webhooks subscribed to `type`. */
const subscribedTo = (organizationId: string | SQL, type: string) =>
  and(
    eq(customizations.organizationId, organizationId),
    eq(customizations.type, "INTEGRATION"),
    sql`(${customizations.value}->>'enabled')::boolean and ${customizations.value}->'events' ? ${type}`,
  );

/**
 * Whether any enabled webhook of the organisation subscribes to `type`, as a column a service
 * reads with data it loads anyway: when false, its event says so and the outbox is not asked.
 */
export const hasSubscribedWebhook = (organizationId: string | SQL, type: WebhookEventType) =>
  sql<boolean>`exists (select 1 from ${customizations} where ${subscribedTo(organizationId, type)})`;

interface OutboxEvent {
  organizationId: string;
  type: WebhookEventType | "ping";
  data: Record<string, unknown>;
  occurredAt: Date;
  /** Only this integration (a test ping); else every enabled one subscribed to the type. */
  integrationId?: string;
}

/**
 * Write an event and one delivery per subscribed webhook, in the caller's transaction: the
 * event exists if and only if the change it reports committed. Organisations without a
 * subscribed webhook (or whose tier no longer includes integrations) write nothing.
 */
export const enqueueWebhookEvent = async (executor: Executor, event: OutboxEvent): Promise<string | null> => {
  const subscribed = await executor
    .select({ id: customizations.id })
    .from(customizations)
    .where(
      event.integrationId
        ? and(
            eq(customizations.organizationId, event.organizationId),
            eq(customizations.type, "INTEGRATION"),
            eq(customizations.id, event.integrationId),
          )
        : subscribedTo(event.organizationId, event.type),
    );
  if (subscribed.length === 0) return null;
  const entitlements = event.type.startsWith("license.")
    ? await latestLicenseEntitlements(executor, event.organizationId)
    : await currentEntitlements(executor, event.organizationId, event.occurredAt);
  if (!customizationGate(entitlements, "INTEGRATION").allowed) return null;
  // The payload names its own id, so receivers can drop a redelivery they already handled.
  const id = randomUUID();
  await executor.insert(webhookEvents).values({
    id,
    organizationId: event.organizationId,
    type: event.type,
    payload: {
      id,
      type: event.type,
      createdAt: event.occurredAt.toISOString(),
      organizationId: event.organizationId,
      data: event.data,
    },
    createdAt: event.occurredAt,
  });
  await executor.insert(webhookDeliveries).values(
    subscribed.map((integration) => ({
      eventId: id,
      integrationId: integration.id,
      organizationId: event.organizationId,
      nextAttemptAt: event.occurredAt,
      createdAt: event.occurredAt,
      updatedAt: event.occurredAt,
    })),
  );
  return id;
};
