import { tickets } from "@tessera/db/schema";
import {
  OPEN_TICKET_STATUSES,
  ORGANIZATION_QUOTAS,
  QUOTA_DAY_MS,
  requireWithinQuota,
  type TicketPriority,
} from "@tessera/domain";
import { type SQL, sql } from "drizzle-orm";
import { literalList, renderedOnce, renderedWithPlaceholders } from "../raw-rows.ts";

/**
 * The quotas' transaction-scoped advisory locks, as columns of a select (taken left to right,
 * OPEN_TICKETS first, as everywhere): the keys of `lockOrganizationFor(tx, id, "quota:<QUOTA>")`,
 * so a count taken in a later statement cannot be overtaken by a concurrent create.
 * `organizationId` is an expression of the statement (a placeholder).
 */
export const ticketQuotaLocks = (organizationId: SQL, priority: TicketPriority): Record<string, SQL> => {
  const lock = (quota: string) =>
    sql`pg_advisory_xact_lock(hashtextextended(${sql.raw(`'quota:${quota}:'`)} || ${organizationId}, 0))::text`;
  return {
    openLock: lock("OPEN_TICKETS"),
    ...(priority === "CRITICAL" ? { criticalLock: lock("CRITICAL_TICKETS_PER_DAY") } : {}),
  };
};

const countsOf = (critical: boolean) => {
  const organizationId = sql`${sql.placeholder("organizationId")}::uuid`;
  const ofOrganization = sql`select count(*)::int from ${tickets} where ${tickets.organizationId} = ${organizationId}`;
  const criticalToday = critical
    ? sql`(${ofOrganization} and ${tickets.priority} = 'CRITICAL'
        and ${tickets.createdAt} > ${sql.placeholder("since")}::timestamptz)`
    : sql`0`;
  return renderedWithPlaceholders<"organizationId" | "since">(sql`counts as (
      select (${ofOrganization} and ${tickets.status} in (${literalList(OPEN_TICKET_STATUSES)})) as "openTickets",
        ${criticalToday} as "criticalToday")`);
};
const COUNTS = { NORMAL: countsOf(false), CRITICAL: countsOf(true) } as const;
const WITHIN_QUOTAS =
  renderedOnce(sql`counts."openTickets" < ${sql.raw(String(ORGANIZATION_QUOTAS.OPEN_TICKETS))}
  and counts."criticalToday" < ${sql.raw(String(ORGANIZATION_QUOTAS.CRITICAL_TICKETS_PER_DAY))}`);

/**
 * The CTE `counts` of a statement run after `ticketQuotaLocks`: the organisation's open
 * tickets and, for a CRITICAL one, its CRITICAL tickets of the last 24 hours; and the
 * condition that one more stays within both quotas (what `requireTicketQuotas` then reports).
 */
export const ticketQuotaCounts = (organizationId: string, priority: TicketPriority, now: Date) => ({
  cte: COUNTS[priority === "CRITICAL" ? "CRITICAL" : "NORMAL"]({
    organizationId,
    since: new Date(now.getTime() - QUOTA_DAY_MS).toISOString(),
  }),
  withinQuotas: WITHIN_QUOTAS,
});

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
