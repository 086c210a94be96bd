import type { Executor } from "@tessera/db";
import { auditEvents } from "@tessera/db/schema";
import type { ServiceContext } from "../context.ts";
import { type DomainEvent, redact } from "../events/domain-event.ts";

/** The audit log's consumer of domain events: one row per event, who did it and from where. */
export const writeAuditEntry = async (
  executor: Executor,
  ctx: ServiceContext,
  event: DomainEvent,
): Promise<void> => {
  await executor.insert(auditEvents).values({
    actorUserId: ctx.actor?.userId ?? null,
    actorLabel: ctx.actor
      ? `user:${ctx.actor.email}`
      : ctx.apiKey
        ? `api-key:${ctx.apiKey.prefix}`
        : ctx.scimToken
          ? `scim-token:${ctx.scimToken.prefix}`
          : `system:${ctx.system ?? "seed"}`,
    organizationId: event.organizationId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    before: redact(event.before),
    after: redact(event.after),
    ip: ctx.ip,
    createdAt: ctx.clock.now(),
  });
};
