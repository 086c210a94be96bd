import type { Executor } from "@tessera/db";
import { webhookEventForAuditAction } from "@tessera/domain";
import type { ServiceContext } from "../context.ts";
import { type DomainEvent, redact } from "../events/domain-event.ts";
import { enqueueWebhookEvent } from "./webhook-outbox.ts";

/** The webhook outbox's consumer: business events a customer may subscribe to become deliveries. */
export const publishAsWebhook = async (
  executor: Executor,
  ctx: ServiceContext,
  event: DomainEvent,
): Promise<void> => {
  const webhookEvent = webhookEventForAuditAction(event.action);
  // the service read in this transaction that no webhook subscribes: nothing to look up
  if (!webhookEvent || !event.organizationId || event.webhookSubscribed === false) return;
  await enqueueWebhookEvent(executor, {
    organizationId: event.organizationId,
    type: webhookEvent,
    occurredAt: ctx.clock.now(),
    data: { object: event.targetType, objectId: event.targetId, ...redact(event.after) },
  });
};
