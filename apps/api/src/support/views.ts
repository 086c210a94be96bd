import { tickets } from "@tessera/db/schema";
import { AT_RISK_SHARE, type TicketQueueInput, type TicketView } from "@tessera/domain";
import { and, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { atRiskCondition, breachedCondition, isOpen, listTickets } from "./ticket-queries.ts";

const iso = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Open, running (not waiting on the customer), not yet past its resolution due time, and
 * under the at-risk share of the resolution target left: the target is the due time less
 * creation less the time already spent waiting, as `slaClocks` counts it.
 */
const resolutionAtRiskCondition = (now: Date): SQL =>
  and(
    isOpen(),
    isNull(tickets.waitingSince),
    sql`${tickets.resolutionDueAt} >= ${iso(now)}`,
    sql`${tickets.resolutionDueAt} - ${iso(now)} < (${tickets.resolutionDueAt} - ${tickets.createdAt} - ${tickets.pausedMs} * interval '1 millisecond') * ${AT_RISK_SHARE}`,
  ) as SQL;

/** The condition of a standing view for `userId` (null: a caller with no user has no tickets of its own). */
const viewCondition = (view: TicketView, userId: string | null, now: Date): SQL => {
  switch (view) {
    case "MINE":
      return userId ? (and(isOpen(), eq(tickets.assigneeId, userId)) as SQL) : sql`false`;
    case "UNASSIGNED":
      return and(isOpen(), isNull(tickets.assigneeId)) as SQL;
    case "BREACHING":
      return or(breachedCondition(now), atRiskCondition(now), resolutionAtRiskCondition(now)) as SQL;
    case "WAITING":
      return eq(tickets.status, "WAITING_ON_CUSTOMER");
    case "ALL_OPEN":
      return isOpen();
  }
};

/** The console's queue: a standing view for the signed-in agent, narrowed by the filters. */
export const listQueue = (ctx: ServiceContext, input: z.output<typeof TicketQueueInput>) =>
  listTickets(
    ctx,
    input,
    undefined,
    input.view ? viewCondition(input.view, ctx.actor?.userId ?? null, ctx.clock.now()) : undefined,
  );
