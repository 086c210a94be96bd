import { randomBytes, randomUUID } from "node:crypto";
import {
  customizations,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEvents,
} from "@tessera/db/schema";
import {
  type CreateIntegrationInput,
  DomainError,
  type Integration,
  type ListDeliveriesInput,
  pageOffset,
  requireSecureUrl,
  toPage,
  type UpdateIntegrationInput,
} from "@tessera/domain";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { requireQuota } from "../quotas/organization-lock.ts";
import { type CustomizationRow, requireAllowed, saveCustomization } from "./store.ts";
import { storedValue } from "./stored-value.ts";
import { enqueueWebhookEvent } from "./webhook-outbox.ts";

type IntegrationDeps = Pick<AppDeps, "secrets" | "config">;

/** A webhook as anyone may see it: never its signing secret. */
export const integrationView = (
  row: Pick<CustomizationRow, "id" | "value" | "secretCiphertext" | "createdAt" | "updatedAt" | "version">,
) => {
  const value = storedValue("INTEGRATION", row.value);
  return {
    id: row.id,
    name: value.name,
    url: value.url,
    events: value.events,
    enabled: value.enabled,
    hasSecret: row.secretCiphertext !== null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
};

/** `whsec_` + 256 random bits: shown once, stored sealed. */
const newSigningSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

const findIntegration = async (ctx: ServiceContext, organizationId: string, integrationId: string) => {
  const [row] = await ctx.db
    .select()
    .from(customizations)
    .where(
      and(
        eq(customizations.id, integrationId),
        eq(customizations.organizationId, organizationId),
        eq(customizations.type, "INTEGRATION"),
      ),
    );
  if (!row) throw new DomainError("NOT_FOUND", "Integration not found", { field: "integrationId" });
  return row;
};

/** Add a webhook; its signing secret is returned this once. */
export const createIntegration = async (
  ctx: ServiceContext,
  deps: IntegrationDeps,
  organizationId: string,
  input: z.output<typeof CreateIntegrationInput>,
) => {
  requireSecureUrl("url", input.url, deps.config.ALLOW_INSECURE_LOOPBACK);
  const secret = newSigningSecret();
  const row = await ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "INTEGRATION", ctx.clock.now());
    await requireQuota(tx, organizationId, "WEBHOOKS", "url", async () => {
      const [existing] = await tx
        .select({ total: count() })
        .from(customizations)
        .where(
          and(eq(customizations.organizationId, organizationId), eq(customizations.type, "INTEGRATION")),
        );
      return existing?.total ?? 0;
    });
    const value: Integration = {
      name: input.name,
      url: input.url,
      events: input.events,
      enabled: input.enabled,
    };
    return saveCustomization(tx, ctx, {
      organizationId,
      type: "INTEGRATION",
      key: randomUUID(),
      value,
      secretCiphertext: deps.secrets.seal(secret),
      action: "white_label.integration_created",
    });
  });
  return { integration: integrationView(row), secret };
};

export const updateIntegration = async (
  ctx: ServiceContext,
  deps: IntegrationDeps,
  organizationId: string,
  input: z.output<typeof UpdateIntegrationInput>,
) => {
  if (input.url) requireSecureUrl("url", input.url, deps.config.ALLOW_INSECURE_LOOPBACK);
  const current = await findIntegration(ctx, organizationId, input.integrationId);
  const row = await ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "INTEGRATION", ctx.clock.now());
    const before = storedValue("INTEGRATION", current.value);
    const value: Integration = {
      name: input.name ?? before.name,
      url: input.url ?? before.url,
      events: input.events ?? before.events,
      enabled: input.enabled ?? before.enabled,
    };
    return saveCustomization(tx, ctx, {
      organizationId,
      type: "INTEGRATION",
      key: current.key,
      value,
      action: "white_label.integration_updated",
    });
  });
  return integrationView(row);
};

/** A new signing secret, returned once; the old one stops signing at once. */
export const rotateIntegrationSecret = async (
  ctx: ServiceContext,
  deps: IntegrationDeps,
  organizationId: string,
  integrationId: string,
) => {
  const current = await findIntegration(ctx, organizationId, integrationId);
  const secret = newSigningSecret();
  const row = await ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "INTEGRATION", ctx.clock.now());
    return saveCustomization(tx, ctx, {
      organizationId,
      type: "INTEGRATION",
      key: current.key,
      value: current.value,
      secretCiphertext: deps.secrets.seal(secret),
      action: "white_label.integration_secret_rotated",
    });
  });
  return { integration: integrationView(row), secret };
};

/** Queue a `ping` event to one webhook, to try the receiver and its signature check. */
export const sendTestEvent = async (ctx: ServiceContext, organizationId: string, integrationId: string) => {
  await findIntegration(ctx, organizationId, integrationId);
  await requireAllowed(ctx.db, organizationId, "INTEGRATION", ctx.clock.now());
  const eventId = await ctx.db.transaction((tx) =>
    enqueueWebhookEvent(tx, {
      organizationId,
      integrationId,
      type: "ping",
      data: { message: "A test event from Tessera" },
      occurredAt: ctx.clock.now(),
    }),
  );
  return { eventId };
};

/** One webhook's deliveries, newest first, each with its attempts. */
export const listDeliveries = async (
  ctx: ServiceContext,
  organizationId: string,
  input: z.output<typeof ListDeliveriesInput>,
) => {
  await findIntegration(ctx, organizationId, input.integrationId);
  const where = and(
    eq(webhookDeliveries.integrationId, input.integrationId),
    eq(webhookDeliveries.organizationId, organizationId),
  );
  const [items, [total]] = await Promise.all([
    ctx.db
      .select({
        id: webhookDeliveries.id,
        eventId: webhookDeliveries.eventId,
        eventType: webhookEvents.type,
        payload: webhookEvents.payload,
        status: webhookDeliveries.status,
        attempts: webhookDeliveries.attempts,
        nextAttemptAt: webhookDeliveries.nextAttemptAt,
        lastStatusCode: webhookDeliveries.lastStatusCode,
        lastError: webhookDeliveries.lastError,
        deliveredAt: webhookDeliveries.deliveredAt,
        createdAt: webhookDeliveries.createdAt,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(where)
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(input.pageSize)
      .offset(pageOffset(input.page, input.pageSize)),
    ctx.db.select({ total: count() }).from(webhookDeliveries).where(where),
  ]);
  const attempts = items.length
    ? await ctx.db
        .select()
        .from(webhookDeliveryAttempts)
        .where(
          inArray(
            webhookDeliveryAttempts.deliveryId,
            items.map((item) => item.id),
          ),
        )
        .orderBy(webhookDeliveryAttempts.attempt)
    : [];
  const withAttempts = items.map((item) => ({
    ...item,
    attemptLog: attempts.filter((attempt) => attempt.deliveryId === item.id),
  }));
  return toPage(withAttempts, total?.total ?? 0, input.page, input.pageSize);
};

/** Send a delivery again now: a DEAD one gets a fresh round of attempts. */
export const retryDelivery = async (ctx: ServiceContext, organizationId: string, deliveryId: string) =>
  ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: "PENDING", nextAttemptAt: now, leaseUntil: null, leaseToken: null, updatedAt: now })
      .where(
        and(
          eq(webhookDeliveries.id, deliveryId),
          eq(webhookDeliveries.organizationId, organizationId),
          inArray(webhookDeliveries.status, ["DEAD", "PENDING"]),
        ),
      )
      .returning({ id: webhookDeliveries.id, status: webhookDeliveries.status });
    if (!row) {
      const [exists] = await tx
        .select({ status: webhookDeliveries.status })
        .from(webhookDeliveries)
        .where(
          and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.organizationId, organizationId)),
        );
      if (!exists) throw new DomainError("NOT_FOUND", "Delivery not found", { field: "deliveryId" });
      throw new DomainError("CONFLICT", "This delivery has already succeeded", { field: "deliveryId" });
    }
    await recordEvent(tx, ctx, {
      action: "white_label.delivery_retried",
      organizationId,
      targetType: "webhook_delivery",
      targetId: deliveryId,
    });
    return row;
  });
