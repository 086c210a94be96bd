import { organizations, usageAlerts } from "@tessera/db/schema";
import {
  type CursorPosition,
  DomainError,
  decodeCursor,
  type Metric,
  pageOffset,
  toCursorPage,
  toPage,
  type UsageAlertsInput,
} from "@tessera/domain";
import { and, count, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";

/** Alerts, newest first; `scopeOrganizationId` is the tenant filter for customers. */
export const getUsageAlerts = async (
  ctx: ServiceContext,
  input: z.output<typeof UsageAlertsInput>,
  scopeOrganizationId: string | null,
) => {
  const conditions: SQL[] = [];
  const organizationId = scopeOrganizationId ?? input.organizationId;
  if (organizationId) conditions.push(eq(usageAlerts.organizationId, organizationId));
  if (input.acknowledged === true) conditions.push(isNotNull(usageAlerts.acknowledgedAt));
  if (input.acknowledged === false) conditions.push(isNull(usageAlerts.acknowledgedAt));
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, totals] = await Promise.all([
    ctx.db
      .select({ alert: usageAlerts, organizationName: organizations.name })
      .from(usageAlerts)
      .innerJoin(organizations, eq(organizations.id, usageAlerts.organizationId))
      .where(where)
      .orderBy(desc(usageAlerts.createdAt), desc(usageAlerts.threshold))
      .limit(input.pageSize)
      .offset(pageOffset(input.page, input.pageSize)),
    ctx.db.select({ total: count() }).from(usageAlerts).where(where),
  ]);
  return toPage(
    items.map((row) => ({ ...row.alert, organizationName: row.organizationName })),
    totals[0]?.total ?? 0,
    input.page,
    input.pageSize,
  );
};

interface AlertListFilter {
  /** The tenant filter: set for an organisation key, or a staff key's choice. */
  organizationId?: string;
  acknowledged?: boolean;
  metric?: Metric;
  limit: number;
  cursor?: string;
}

/** A cursor's timestamp, checked before PostgreSQL casts it (a forged one is a 400, not a 500). */
const cursorInstant = (position: CursorPosition): string => {
  const { sortValue } = position;
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(sortValue);
  if (iso && !Number.isNaN(Date.parse(sortValue))) return sortValue;
  throw new DomainError("VALIDATION_FAILED", "cursor is not one this API issued", { field: "cursor" });
};

/** The position as text to the microsecond (a JS Date keeps only milliseconds, and would skip rows). */
const createdAtText = sql<string>`to_char(${usageAlerts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Alerts for the REST API, a cursor page at a time: newest first, id breaking ties. */
export const listUsageAlerts = async (ctx: ServiceContext, filter: AlertListFilter) => {
  const conditions: SQL[] = [];
  if (filter.organizationId) conditions.push(eq(usageAlerts.organizationId, filter.organizationId));
  if (filter.acknowledged === true) conditions.push(isNotNull(usageAlerts.acknowledgedAt));
  if (filter.acknowledged === false) conditions.push(isNull(usageAlerts.acknowledgedAt));
  if (filter.metric) conditions.push(eq(usageAlerts.metric, filter.metric));
  if (filter.cursor) {
    const position = decodeCursor(filter.cursor);
    conditions.push(
      sql`(${usageAlerts.createdAt}, ${usageAlerts.id}) < (${cursorInstant(position)}::timestamptz, ${position.id}::uuid)`,
    );
  }
  const rows = await ctx.db
    .select({ alert: usageAlerts, organizationName: organizations.name, position: createdAtText })
    .from(usageAlerts)
    .innerJoin(organizations, eq(organizations.id, usageAlerts.organizationId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(usageAlerts.createdAt), desc(usageAlerts.id))
    .limit(filter.limit + 1);
  const page = toCursorPage(rows, filter.limit, (row) => ({ sortValue: row.position, id: row.alert.id }));
  return {
    items: page.items.map((row) => ({ ...row.alert, organizationName: row.organizationName })),
    nextCursor: page.nextCursor,
  };
};

export const acknowledgeAlert = async (
  ctx: ServiceContext,
  alertId: string,
  scopeOrganizationId: string | null,
) =>
  ctx.db.transaction(async (tx) => {
    const scope = scopeOrganizationId ? eq(usageAlerts.organizationId, scopeOrganizationId) : undefined;
    const [alert] = await tx
      .select()
      .from(usageAlerts)
      .where(and(eq(usageAlerts.id, alertId), scope));
    if (!alert) throw new DomainError("NOT_FOUND", "Alert not found", { field: "alertId" });
    if (alert.acknowledgedAt) return alert;
    const acknowledgedAt = ctx.clock.now();
    // A person by email, a REST key by its prefix (as the audit trail names it).
    const acknowledgedBy = ctx.actor?.email ?? (ctx.apiKey ? `api-key:${ctx.apiKey.prefix}` : "system");
    // Conditional: of concurrent acknowledgements exactly one changes the row, and only it is audited.
    const [updated] = await tx
      .update(usageAlerts)
      .set({ acknowledgedAt, acknowledgedBy })
      .where(and(eq(usageAlerts.id, alertId), isNull(usageAlerts.acknowledgedAt)))
      .returning();
    if (!updated) {
      const [settled] = await tx.select().from(usageAlerts).where(eq(usageAlerts.id, alertId));
      return settled ?? alert;
    }
    await recordEvent(tx, ctx, {
      action: "usage.alert_acknowledged",
      organizationId: alert.organizationId,
      targetType: "usage_alert",
      targetId: alertId,
      before: { acknowledgedAt: null },
      after: { acknowledgedAt, acknowledgedBy },
    });
    return updated;
  });
