import { tickets } from "@tessera/db/schema";
import {
  OPEN_TICKET_STATUSES,
  ORGANIZATION_QUOTAS,
  QUOTA_DAY_MS,
  requireWithinQuota,
  type TicketPriority,
} from "@tessera/domain";
import { and, eq, gt, inArray, type SQL, sql } from "drizzle-orm";

/**
 * The quotas' transaction-scoped advisory locks, as columns of a select (taken left to right,
 * OPEN_TICKETS first, as everywhere): the keys of `lockOrganizationFor(tx, id, "quota:<QUOTA>")`,
 * so a count taken in a later statement cannot be overtaken by a concurrent create.
 */
export const ticketQuotaLocks = (organizationId: string, priority: TicketPriority): Record<string, SQL> => {
  const lock = (quota: string) =>
    sql`pg_advisory_xact_lock(hashtextextended(${`quota:${quota}:${organizationId}`}, 0))::text`;
  return {
    openLock: lock("OPEN_TICKETS"),
    ...(priority === "CRITICAL" ? { criticalLock: lock("CRITICAL_TICKETS_PER_DAY") } : {}),
  };
};

/**
 * The CTE `counts` of a statement run after `ticketQuotaLocks`: the organisation's open
 * tickets and, for a CRITICAL one, its CRITICAL tickets of the last 24 hours; and the
 * condition that one more stays within both quotas (what `requireTicketQuotas` then reports).
 */
export const ticketQuotaCounts = (organizationId: string, priority: TicketPriority, now: Date) => {
  const counted = (condition: SQL | undefined) =>
    sql`(select count(*)::int from ${tickets} where ${condition})`;
  const open = counted(
    and(eq(tickets.organizationId, organizationId), inArray(tickets.status, [...OPEN_TICKET_STATUSES])),
  );
  const critical =
    priority === "CRITICAL"
      ? counted(
          and(
            eq(tickets.organizationId, organizationId),
            eq(tickets.priority, "CRITICAL"),
            gt(tickets.createdAt, new Date(now.getTime() - QUOTA_DAY_MS)),
          ),
        )
      : sql`0`;
  return {
    cte: sql`counts as (select ${open} as "openTickets", ${critical} as "criticalToday")`,
    withinQuotas: sql`counts."openTickets" < ${sql.raw(String(ORGANIZATION_QUOTAS.OPEN_TICKETS))}
      and counts."criticalToday" < ${sql.raw(String(ORGANIZATION_QUOTAS.CRITICAL_TICKETS_PER_DAY))}`,
  };
};

/**
 * Before a ticket is inserted: the organisation's open tickets stay under their quota, and so
 * do CRITICAL ones of the last 24 hours (each notifies every staff admin).
 */
export const requireTicketQuotas = (
  counts: { openTickets: number; criticalToday: number },
  priority: TicketPriority,
) => {
  requireWithinQuota("OPEN_TICKETS", counts.openTickets);
  if (priority === "CRITICAL")
    requireWithinQuota("CRITICAL_TICKETS_PER_DAY", counts.criticalToday, "priority");
};
