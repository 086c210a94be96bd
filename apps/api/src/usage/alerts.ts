import { organizations, usageAlerts } from "@tessera/db/schema";
import { DomainError, pageOffset, toPage, type UsageAlertsInput } from "@tessera/domain";
import { and, count, desc, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
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
    const acknowledgedBy = ctx.actor?.email ?? "system";
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
