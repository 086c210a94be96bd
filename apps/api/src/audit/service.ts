import type { Executor } from "@tessera/db";
import { auditEvents, organizations } from "@tessera/db/schema";
import { type AuditFilter, pageOffset, toPage, webhookEventForAuditAction } from "@tessera/domain";
import { and, count, desc, eq, getTableColumns, gte, like, lte, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { enqueueWebhookEvent } from "../white-label/webhook-outbox.ts";

type Json = Record<string, unknown>;

export interface AuditEntry {
  action: string;
  organizationId: string | null;
  targetType: string;
  targetId: string | null;
  before?: Json | null;
  after?: Json | null;
}

const SECRET_FIELDS = new Set(["passwordHash", "password", "tokenHash", "keyHash", "secret", "clientSecret"]);

/** Audit snapshots never carry secrets, even hashed ones. */
const redact = (value: Json | null | undefined): Json | null => {
  if (!value) return null;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_FIELDS.has(key) ? "[redacted]" : inner]),
  );
};

/** Write one audit event; call it with the transaction that makes the change. */
export const recordAudit = async (
  executor: Executor,
  ctx: ServiceContext,
  entry: AuditEntry,
): Promise<void> => {
  await executor.insert(auditEvents).values({
    actorUserId: ctx.actor?.userId ?? null,
    actorLabel: ctx.actor
      ? `user:${ctx.actor.email}`
      : ctx.apiKey
        ? `api-key:${ctx.apiKey.prefix}`
        : `system:${ctx.system ?? "seed"}`,
    organizationId: entry.organizationId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: redact(entry.before),
    after: redact(entry.after),
    ip: ctx.ip,
    createdAt: ctx.clock.now(),
  });
  // Audited business events are what webhooks publish: same transaction, one write path.
  const webhookEvent = webhookEventForAuditAction(entry.action);
  if (webhookEvent && entry.organizationId) {
    await enqueueWebhookEvent(executor, {
      organizationId: entry.organizationId,
      type: webhookEvent,
      occurredAt: ctx.clock.now(),
      data: { object: entry.targetType, objectId: entry.targetId, ...redact(entry.after) },
    });
  }
};

/** Only the fields that changed, before and after: what an audit reader wants to see. */
export const diff = (before: Json, after: Json): { before: Json; after: Json } => {
  const changedBefore: Json = {};
  const changedAfter: Json = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key];
      changedAfter[key] = after[key];
    }
  }
  return { before: changedBefore, after: changedAfter };
};

/**
 * The audit log, newest first. `scopeOrganizationId` is the tenant filter: set for
 * customers, whatever their filter says.
 */
export const listAuditEvents = async (
  ctx: ServiceContext,
  filter: z.output<typeof AuditFilter>,
  scopeOrganizationId: string | null,
) => {
  const conditions: SQL[] = [];
  const organizationId = scopeOrganizationId ?? filter.organizationId;
  if (organizationId) conditions.push(eq(auditEvents.organizationId, organizationId));
  // "license." finds every license action; a full name finds just that one.
  if (filter.action)
    conditions.push(like(auditEvents.action, `${filter.action.replace(/[\\%_]/g, (char) => `\\${char}`)}%`));
  if (filter.actorId) conditions.push(eq(auditEvents.actorUserId, filter.actorId));
  if (filter.targetType) conditions.push(eq(auditEvents.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(auditEvents.targetId, filter.targetId));
  if (filter.from) conditions.push(gte(auditEvents.createdAt, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.createdAt, filter.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, totals] = await Promise.all([
    ctx.db
      .select({ ...getTableColumns(auditEvents), organizationName: organizations.name })
      .from(auditEvents)
      .leftJoin(organizations, eq(organizations.id, auditEvents.organizationId))
      .where(where)
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.seq))
      .limit(filter.pageSize)
      .offset(pageOffset(filter.page, filter.pageSize)),
    ctx.db.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return toPage(items, totals[0]?.total ?? 0, filter.page, filter.pageSize);
};
