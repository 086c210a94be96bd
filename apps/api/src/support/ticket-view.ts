import type { tickets } from "@tessera/db/schema";
import { formatTicketNumber } from "@tessera/domain";
import type { ServiceContext } from "../context.ts";
import { slaOf } from "./sla-view.ts";

export type TicketRow = typeof tickets.$inferSelect;

export const HOUR = 3_600_000;

export const ticketView = (row: TicketRow, now: Date) => ({
  ...row,
  reference: formatTicketNumber(row.number),
  sla: slaOf(row, now),
});
/** Who is acting, as the thread and the ticket record it. */
export const authorOf = (ctx: ServiceContext) =>
  ctx.actor
    ? { userId: ctx.actor.userId, kind: ctx.actor.kind, label: `user:${ctx.actor.email}` }
    : {
        userId: null,
        kind: "CUSTOMER" as const,
        label: ctx.apiKey ? `api-key:${ctx.apiKey.prefix}` : "system",
      };
