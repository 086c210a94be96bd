import { tickets, users } from "@tessera/db/schema";
import { OPEN_TICKET_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES } from "@tessera/domain";
import { and, count, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { ServiceContext } from "../context.ts";
import { ASSIGNABLE_STAFF_ROLES } from "./agent-load.ts";
import { satisfactionStats } from "./satisfaction.ts";

/** JavaScript's Math.round in SQL (half up, also for negatives), so medians read as before. */
const minutesOf = (interval: SQL) => sql`floor((${interval}) / 60000.0 + 0.5)`;
const millisBetween = (later: SQL | AnyPgColumn, earlier: AnyPgColumn) =>
  sql`extract(epoch from (${later} - ${earlier})) * 1000`;

/** A median in SQL: the middle value, or the mean of the two middles (null over no rows). */
const medianOf = (value: SQL) => sql<number | null>`percentile_cont(0.5) within group (order by ${value})`;

/**
 * Support at a glance: open tickets by priority and status now; for tickets created in the
 * period, the breach rate and median minutes to first response and to resolution (counted
 * in SQL: one row, however many tickets); and each agent's open load.
 */
export const getSupportStats = async (ctx: ServiceContext, range: { from: Date; to: Date }) => {
  const [byPriorityStatus, [period], load, satisfaction] = await Promise.all([
    ctx.db
      .select({ priority: tickets.priority, status: tickets.status, total: count() })
      .from(tickets)
      .groupBy(tickets.priority, tickets.status),
    ctx.db
      .select({
        created: count(),
        // A ticket breached when any of its SLA clocks recorded a breach. Written out in full:
        // drizzle leaves a one-table query's columns unqualified, which the subquery would misread.
        breached: sql<number>`count(*) filter (where exists (select 1 from ticket_sla_events e
          where e.ticket_id = tickets.id and e.kind = 'BREACHED'))`.mapWith(Number),
        toFirstResponse: medianOf(minutesOf(millisBetween(tickets.firstRespondedAt, tickets.createdAt))),
        toResolution: medianOf(
          minutesOf(sql`${millisBetween(tickets.resolvedAt, tickets.createdAt)} - ${tickets.pausedMs}`),
        ),
      })
      .from(tickets)
      .where(and(gte(tickets.createdAt, range.from), lte(tickets.createdAt, range.to))),
    ctx.db
      .select({ assigneeId: users.id, name: users.name, open: count(tickets.id) })
      .from(users)
      .leftJoin(
        tickets,
        and(eq(tickets.assigneeId, users.id), inArray(tickets.status, [...OPEN_TICKET_STATUSES])),
      )
      .where(and(eq(users.kind, "STAFF"), inArray(users.role, [...ASSIGNABLE_STAFF_ROLES])))
      .groupBy(users.id, users.name),
    satisfactionStats(ctx.db, range),
  ]);
  const open = Object.fromEntries(TICKET_PRIORITIES.map((priority) => [priority, 0])) as Record<
    string,
    number
  >;
  const byStatus = Object.fromEntries(TICKET_STATUSES.map((status) => [status, 0])) as Record<string, number>;
  for (const row of byPriorityStatus) {
    byStatus[row.status] = (byStatus[row.status] ?? 0) + row.total;
    if ((OPEN_TICKET_STATUSES as readonly string[]).includes(row.status))
      open[row.priority] = (open[row.priority] ?? 0) + row.total;
  }
  const created = period?.created ?? 0;
  const breached = period?.breached ?? 0;
  const median = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    openByPriority: open,
    byStatus,
    period: { from: range.from, to: range.to, created },
    /** Tickets created in the period whose SLA was breached. */
    breached,
    breachRate: created ? breached / created : 0,
    medianMinutesToFirstResponse: median(period?.toFirstResponse),
    medianMinutesToResolution: median(period?.toResolution),
    agentLoad: [...load].sort((a, b) => b.open - a.open),
    satisfaction,
  };
};
