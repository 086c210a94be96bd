import { apiKeys, auditEvents, invitations, licenses, organizations, tickets } from "@tessera/db/schema";
import { type AuditFilter, pageOffset, toPage } from "@tessera/domain";
import { and, asc, count, desc, eq, getTableColumns, gte, like, lte, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { actor, joinOn, nameColumns, targetUser, withNames } from "./names.ts";

type Filter = z.output<typeof AuditFilter>;

/** The order asked for; ties (one action, one instant) newest first, then by the log's own sequence. */
const orderOf = ({ sort, direction }: Filter) => {
  const by = direction === "asc" ? asc : desc;
  return sort === "action"
    ? [by(auditEvents.action), desc(auditEvents.createdAt), desc(auditEvents.seq)]
    : [by(auditEvents.createdAt), by(auditEvents.seq)];
};

/**
 * The audit log in the order asked for (newest first by default), each entry with its actor, organisation and target named
 * (names.ts). `scopeOrganizationId` is the tenant filter: set for customers, whatever their
 * filter says.
 */
export const listAuditEvents = async (
  ctx: ServiceContext,
  filter: Filter,
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
      .select({ ...getTableColumns(auditEvents), organizationName: organizations.name, ...nameColumns })
      .from(auditEvents)
      .leftJoin(organizations, eq(organizations.id, auditEvents.organizationId))
      .leftJoin(actor, joinOn.actor(scopeOrganizationId))
      .leftJoin(licenses, joinOn.license)
      .leftJoin(tickets, joinOn.ticket)
      .leftJoin(targetUser, joinOn.user)
      .leftJoin(invitations, joinOn.invitation)
      .leftJoin(apiKeys, joinOn.apiKey)
      .where(where)
      .orderBy(...orderOf(filter))
      .limit(filter.pageSize)
      .offset(pageOffset(filter.page, filter.pageSize)),
    ctx.db.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return toPage(items.map(withNames), totals[0]?.total ?? 0, filter.page, filter.pageSize);
};
