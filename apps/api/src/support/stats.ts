import { ticketSlaEvents, tickets, users } from "@tessera/db/schema";
import { OPEN_TICKET_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES } from "@tessera/domain";
import { and, count, eq, gte, inArray, lte } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * Support at a glance: open tickets by priority and status now; for tickets created in the
 * period, the breach rate and median minutes to first response and to resolution; and each
 * agent's open load.
 */
export const getSupportStats = async (ctx: ServiceContext, range: { from: Date; to: Date }) => {
  const [byPriorityStatus, created, breached, load] = await Promise.all([
    ctx.db
      .select({ priority: tickets.priority, status: tickets.status, total: count() })
      .from(tickets)
      .groupBy(tickets.priority, tickets.status),
    ctx.db
      .select({
        id: tickets.id,
        createdAt: tickets.createdAt,
        firstRespondedAt: tickets.firstRespondedAt,
        resolvedAt: tickets.resolvedAt,
        pausedMs: tickets.pausedMs,
      })
      .from(tickets)
      .where(and(gte(tickets.createdAt, range.from), lte(tickets.createdAt, range.to))),
    ctx.db
      .selectDistinct({ ticketId: ticketSlaEvents.ticketId })
      .from(ticketSlaEvents)
      .innerJoin(tickets, eq(tickets.id, ticketSlaEvents.ticketId))
      .where(
        and(
          eq(ticketSlaEvents.kind, "BREACHED"),
          gte(tickets.createdAt, range.from),
          lte(tickets.createdAt, range.to),
        ),
      ),
    ctx.db
      .select({ assigneeId: users.id, name: users.name, open: count(tickets.id) })
      .from(users)
      .leftJoin(
        tickets,
        and(eq(tickets.assigneeId, users.id), inArray(tickets.status, [...OPEN_TICKET_STATUSES])),
      )
      .where(eq(users.kind, "STAFF"))
      .groupBy(users.id, users.name),
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
  const minutes = (ms: number) => Math.round(ms / 60_000);
  return {
    openByPriority: open,
    byStatus,
    period: { from: range.from, to: range.to, created: created.length },
    /** Tickets created in the period whose SLA was breached. */
    breached: breached.length,
    breachRate: created.length ? breached.length / created.length : 0,
    medianMinutesToFirstResponse: median(
      created.flatMap((ticket) =>
        ticket.firstRespondedAt
          ? [minutes(ticket.firstRespondedAt.getTime() - ticket.createdAt.getTime())]
          : [],
      ),
    ),
    medianMinutesToResolution: median(
      created.flatMap((ticket) =>
        ticket.resolvedAt
          ? [minutes(ticket.resolvedAt.getTime() - ticket.createdAt.getTime() - ticket.pausedMs)]
          : [],
      ),
    ),
    agentLoad: [...load].sort((a, b) => b.open - a.open),
  };
};
