import type { tickets } from "@tessera/db/schema";
import { type BusinessCalendar, formatTicketNumber } from "@tessera/domain";
import type { ServiceContext } from "../context.ts";
import { slaOf } from "./sla-view.ts";

export type TicketRow = typeof tickets.$inferSelect;

/** A ticket as answered, with its SLA clocks in its team's calendar. */
export const ticketView = (row: TicketRow, now: Date, calendar: BusinessCalendar | null) => ({
  ...row,
  reference: formatTicketNumber(row.number),
  sla: slaOf(row, now, calendar),
});
/**
 * Who is acting, as the thread and the ticket record it. A key has no user: it is named by
 * prefix and name; a staff service key writes on the staff side (agent replies, notes), an
 * organisation's key as the customer.
 */
export const authorOf = (ctx: ServiceContext) => {
  if (ctx.actor) return { userId: ctx.actor.userId, kind: ctx.actor.kind, label: `user:${ctx.actor.email}` };
  const key = ctx.apiKey;
  if (!key) return { userId: null, kind: "CUSTOMER" as const, label: "system" };
  return {
    userId: null,
    kind: key.organizationId === null ? ("STAFF" as const) : ("CUSTOMER" as const),
    label: `api-key:${key.prefix} (${key.name})`,
  };
};
