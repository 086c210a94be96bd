import { auditEvents, organizations } from "@tessera/db/schema";
import { type AuditFilter, pageOffset, toPage } from "@tessera/domain";
import { and, count, desc, eq, getTableColumns, gte, like, lte, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";

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
