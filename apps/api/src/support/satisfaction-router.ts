import { RateTicketInput, TicketId } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { customer, staff } from "../trpc.ts";
import { rateTicket, ticketRating } from "./satisfaction.ts";

/** Customer satisfaction: the organisation's people rate their resolved tickets; staff read it. */
export const satisfactionRouter = {
  forTicket: staff()
    .input(TicketId)
    .query(({ ctx, input }) => ticketRating(serviceContext(ctx), input.ticketId)),
  mine: customer()
    .input(TicketId)
    .query(({ ctx, input }) => ticketRating(serviceContext(ctx), input.ticketId, ctx.organizationId)),
  rateMine: customer()
    .input(RateTicketInput)
    .mutation(({ ctx, input }) =>
      rateTicket(serviceContext(ctx), input.ticketId, input, {
        organizationId: ctx.organizationId,
        userId: ctx.actor.userId,
      }),
    ),
} satisfies TRPCRouterRecord;
