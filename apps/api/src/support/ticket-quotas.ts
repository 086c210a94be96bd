import type { Transaction } from "@tessera/db";
import { tickets } from "@tessera/db/schema";
import { OPEN_TICKET_STATUSES, QUOTA_DAY_MS, type TicketPriority } from "@tessera/domain";
import { and, count, eq, gt, inArray } from "drizzle-orm";
import { requireQuota } from "../quotas/organization-lock.ts";

/**
 * Before a ticket is inserted in `tx`: the organisation's open tickets stay under their quota,
 * and so do CRITICAL ones of the last 24 hours (each notifies every staff admin).
 */
export const requireTicketQuotas = async (
  tx: Transaction,
  organizationId: string,
  priority: TicketPriority,
  now: Date,
) => {
  await requireQuota(tx, organizationId, "OPEN_TICKETS", undefined, async () => {
    const [open] = await tx
      .select({ total: count() })
      .from(tickets)
      .where(
        and(eq(tickets.organizationId, organizationId), inArray(tickets.status, [...OPEN_TICKET_STATUSES])),
      );
    return open?.total ?? 0;
  });
  if (priority !== "CRITICAL") return;
  await requireQuota(tx, organizationId, "CRITICAL_TICKETS_PER_DAY", "priority", async () => {
    const [critical] = await tx
      .select({ total: count() })
      .from(tickets)
      .where(
        and(
          eq(tickets.organizationId, organizationId),
          eq(tickets.priority, "CRITICAL"),
          gt(tickets.createdAt, new Date(now.getTime() - QUOTA_DAY_MS)),
        ),
      );
    return critical?.total ?? 0;
  });
};
