import { customizations, webhookDeliveries, webhookDeliveryAttempts } from "@tessera/db/schema";
import { WEBHOOK_EVENT_TYPES } from "@tessera/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import type { AppDeps } from "../context.ts";
import { setCustomDomain } from "../white-label/domains.ts";
import { createIntegration, sendTestEvent } from "../white-label/integrations.ts";
import { contextAt } from "./context-at.ts";

const DAY = 86_400_000;

/**
 * Northwind's custom domain, shown as verified: the demo has no DNS to prove it against, so the
 * showcase records the outcome a successful check records.
 */
export const seedShowcaseDomain = async (deps: AppDeps, organizationId: string) => {
  const at = new Date(deps.clock.now().getTime() - 30 * DAY);
  const domain = await setCustomDomain(contextAt(deps, at), deps, organizationId, {
    hostname: "learn.northwind-academy.education",
  });
  const [row] = await deps.db
    .select({ value: customizations.value })
    .from(customizations)
    .where(eq(customizations.id, domain.id));
  const checked = {
    status: "VERIFIED",
    verifiedAt: at.toISOString(),
    checkedAt: at.toISOString(),
    checks: 1,
  };
  await deps.db
    .update(customizations)
    .set({ value: { ...(row?.value as object), ...checked } })
    .where(eq(customizations.id, domain.id));
};

/** A webhook on the enterprise organisation, subscribed to everything, created two weeks ago. */
export const showcaseWebhook = async (deps: AppDeps, organizationId: string): Promise<string> => {
  const at = new Date(deps.clock.now().getTime() - 14 * DAY);
  const { integration } = await createIntegration(contextAt(deps, at), deps, organizationId, {
    name: "Initech data warehouse",
    url: "https://hooks.initech.test/tessera",
    events: [...WEBHOOK_EVENT_TYPES],
    enabled: true,
  });
  for (const daysAgo of [14, 9, 3]) {
    const sent = new Date(deps.clock.now().getTime() - daysAgo * DAY);
    await sendTestEvent(contextAt(deps, sent), organizationId, integration.id);
  }
  return integration.id;
};

/**
 * The delivery log as the receiver answered it: each queued delivery delivered, the third
 * after one 503. Recorded rather than sent, since the demo's receiver does not exist.
 */
export const settleShowcaseDeliveries = async (deps: AppDeps, integrationId: string): Promise<void> => {
  const queued = await deps.db
    .select({ id: webhookDeliveries.id, createdAt: webhookDeliveries.createdAt })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.integrationId, integrationId), eq(webhookDeliveries.status, "PENDING")))
    .orderBy(asc(webhookDeliveries.createdAt));
  for (const [index, delivery] of queued.entries()) {
    const first = new Date(delivery.createdAt.getTime() + 1_000);
    const retried = index === 2;
    const attempts = retried
      ? [
          {
            attempt: 1,
            startedAt: first,
            durationMs: 2_140,
            statusCode: 503,
            responseExcerpt: "upstream busy",
          },
          {
            attempt: 2,
            startedAt: new Date(first.getTime() + 60_000),
            durationMs: 188,
            statusCode: 200,
            responseExcerpt: "ok",
          },
        ]
      : [
          {
            attempt: 1,
            startedAt: first,
            durationMs: 120 + ((index * 37) % 160),
            statusCode: 200,
            responseExcerpt: "ok",
          },
        ];
    const last = attempts[attempts.length - 1];
    await deps.db
      .insert(webhookDeliveryAttempts)
      .values(attempts.map((a) => ({ ...a, deliveryId: delivery.id })));
    await deps.db
      .update(webhookDeliveries)
      .set({
        status: "DELIVERED",
        attempts: attempts.length,
        lastStatusCode: 200,
        deliveredAt: last?.startedAt ?? first,
        updatedAt: sql`now()`,
      })
      .where(eq(webhookDeliveries.id, delivery.id));
  }
};
