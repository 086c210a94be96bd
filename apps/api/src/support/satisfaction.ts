import type { Executor } from "@tessera/db";
import { ticketSatisfaction, tickets, users } from "@tessera/db/schema";
import { assertRatable, DomainError, goodShare, type RatingInput, type TicketStatus } from "@tessera/domain";
import { and, count, eq, gte, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";

type Rating = z.output<typeof RatingInput>;

/**
 * Rate a resolved ticket, or change its rating until it is closed (one row per ticket,
 * upserted). The ticket is read `FOR SHARE`, so a close running at the same time waits for
 * the rating or the rating sees the close and is refused.
 */
export const rateTicket = async (
  ctx: ServiceContext,
  ticketId: string,
  rating: Rating,
  rater: { organizationId: string; userId: string },
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [ticket] = await tx
      .select({ id: tickets.id, status: tickets.status })
      .from(tickets)
      .where(and(eq(tickets.id, ticketId), eq(tickets.organizationId, rater.organizationId)))
      .for("share");
    if (!ticket) throw new DomainError("NOT_FOUND", "Ticket not found", { field: "ticketId" });
    assertRatable(ticket.status as TicketStatus);
    const values = { rating: rating.rating, comment: rating.comment, ratedBy: rater.userId, updatedAt: now };
    const [row] = await tx
      .insert(ticketSatisfaction)
      .values({ ticketId, organizationId: rater.organizationId, createdAt: now, ...values })
      .onConflictDoUpdate({ target: ticketSatisfaction.ticketId, set: values })
      .returning();
    if (!row) throw new Error("the rating upsert returned no row");
    await recordEvent(tx, ctx, {
      action: "ticket.rated",
      organizationId: rater.organizationId,
      targetType: "ticket",
      targetId: ticketId,
      after: { rating: row.rating, comment: row.comment, ratedBy: row.ratedBy },
    });
    return { rating: row.rating, comment: row.comment, ratedAt: row.updatedAt };
  });
};

/** A ticket's rating with who gave it, or null; `scopeOrganizationId` is the customer's tenant filter. */
export const ticketRating = async (ctx: ServiceContext, ticketId: string, scopeOrganizationId?: string) => {
  const [ticket] = await ctx.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      scopeOrganizationId
        ? and(eq(tickets.id, ticketId), eq(tickets.organizationId, scopeOrganizationId))
        : eq(tickets.id, ticketId),
    );
  if (!ticket) throw new DomainError("NOT_FOUND", "Ticket not found", { field: "ticketId" });
  const [row] = await ctx.db
    .select({
      rating: ticketSatisfaction.rating,
      comment: ticketSatisfaction.comment,
      ratedAt: ticketSatisfaction.updatedAt,
      ratedByName: users.name,
    })
    .from(ticketSatisfaction)
    .leftJoin(users, eq(users.id, ticketSatisfaction.ratedBy))
    .where(eq(ticketSatisfaction.ticketId, ticketId));
  return row ?? null;
};

/** Ratings given (or last changed) in the period: how many, how many good, and the share. */
export const satisfactionStats = async (executor: Executor, range: { from: Date; to: Date }) => {
  const [row] = await executor
    .select({
      rated: count(),
      good: sql<number>`count(*) filter (where ${ticketSatisfaction.rating} = 'GOOD')`.mapWith(Number),
    })
    .from(ticketSatisfaction)
    .where(and(gte(ticketSatisfaction.updatedAt, range.from), lte(ticketSatisfaction.updatedAt, range.to)));
  const rated = row?.rated ?? 0;
  const good = row?.good ?? 0;
  return { rated, good, goodShare: goodShare(good, rated) };
};
