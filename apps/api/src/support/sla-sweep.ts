import { ticketSlaEvents, tickets } from "@tessera/db/schema";
import { formatTicketNumber, OPEN_TICKET_STATUSES } from "@tessera/domain";
import { inArray } from "drizzle-orm";
import type { AppDeps } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { jobContext } from "../jobs/job-context.ts";
import { slaOf } from "./sla-view.ts";
import { loadTeamCalendars } from "./team-calendars.ts";

/**
 * Record each open ticket's breaches and at-risk warnings, once per ticket × clock × kind
 * (the unique constraint decides, so two processes sweeping at once record one event).
 */
export const runSlaSweep = async (deps: Pick<AppDeps, "db">, now: Date): Promise<{ recorded: number }> => {
  const ctx = jobContext(deps, now, "sla-sweep");
  const [open, calendars] = await Promise.all([
    deps.db
      .select()
      .from(tickets)
      .where(inArray(tickets.status, [...OPEN_TICKET_STATUSES])),
    loadTeamCalendars(deps.db),
  ]);
  let recorded = 0;
  for (const ticket of open) {
    const clocks = slaOf(ticket, now, calendars.of(ticket.teamId));
    const due = [
      ["FIRST_RESPONSE", clocks.firstResponse],
      ["RESOLUTION", clocks.resolution],
    ] as const;
    for (const [clock, state] of due) {
      const kind = state.breached ? "BREACHED" : state.atRisk ? "AT_RISK" : null;
      if (!kind || state.met) continue;
      await deps.db.transaction(async (tx) => {
        const inserted = await tx
          .insert(ticketSlaEvents)
          .values({
            ticketId: ticket.id,
            organizationId: ticket.organizationId,
            clock,
            kind,
            dueAt: state.dueAt,
            createdAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: ticketSlaEvents.id });
        if (inserted.length === 0) return;
        recorded++;
        await recordEvent(tx, ctx, {
          action: kind === "BREACHED" ? "ticket.sla_breached" : "ticket.sla_at_risk",
          organizationId: ticket.organizationId,
          targetType: "ticket",
          targetId: ticket.id,
          after: { reference: formatTicketNumber(ticket.number), clock, dueAt: state.dueAt },
        });
      });
    }
  }
  return { recorded };
};
