import { auditEvents } from "@tessera/db/schema";
import { type SQL, sql } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { type DomainEvent, redact } from "./domain-event.ts";

/**
 * The audit row of `event` as a CTE `audited`, for a service that writes its change in one
 * statement and wants the audit row in that statement too: one row per row of `source` (a CTE
 * of the same statement, so none when the change wrote nothing), with `after` being the
 * event's snapshot merged with `afterFromSource` (values only the statement knows). The row
 * holds what `writeAuditEntry` writes; the caller then runs the other consumers with
 * `recordEvent(…, [writeAuditEntry])`.
 */
export const auditInStatement = (
  ctx: ServiceContext,
  event: DomainEvent,
  source: string,
  afterFromSource: SQL,
) => {
  const actorLabel = ctx.actor
    ? `user:${ctx.actor.email}`
    : ctx.apiKey
      ? `api-key:${ctx.apiKey.prefix}`
      : `system:${ctx.system ?? "seed"}`;
  const json = (value: ReturnType<typeof redact>) =>
    value ? sql`${JSON.stringify(value)}::jsonb` : sql`null::jsonb`;
  return sql`audited as (
      insert into ${auditEvents} (actor_user_id, actor_label, organization_id, action, target_type, target_id,
        before, after, ip, created_at)
      select ${ctx.actor?.userId ?? null}::uuid, ${actorLabel}::text, ${event.organizationId}::uuid,
        ${event.action}::text, ${event.targetType}::text, ${event.targetId}::text, ${json(redact(event.before))},
        coalesce(${json(redact(event.after))}, '{}'::jsonb) || ${afterFromSource}, ${ctx.ip}::text,
        ${ctx.clock.now().toISOString()}::timestamptz
      from ${sql.identifier(source)}
    )`;
};
