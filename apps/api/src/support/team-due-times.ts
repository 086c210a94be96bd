import type { Transaction } from "@tessera/db";
import { tickets } from "@tessera/db/schema";
import { type BusinessCalendar, OPEN_TICKET_STATUSES } from "@tessera/domain";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { storedDueTimes } from "./sla-view.ts";

/**
 * After a team's calendar changed: its open tickets' stored due times (sorting, the breached
 * queue) in the new calendar, as their views and the sweep already count. One statement; each
 * row only if unchanged since read (its version moves, so a change computed meanwhile in the
 * old calendar fails as stale and is retried, rather than writing old due times back).
 */
export const restoreTeamDueTimes = async (
  tx: Transaction,
  team: { id: string; isDefault: boolean },
  calendar: BusinessCalendar | null,
  now: Date,
) => {
  const ofTeam = team.isDefault
    ? or(eq(tickets.teamId, team.id), isNull(tickets.teamId))
    : eq(tickets.teamId, team.id);
  const open = await tx
    .select()
    .from(tickets)
    .where(and(ofTeam, inArray(tickets.status, [...OPEN_TICKET_STATUSES])));
  if (open.length === 0) return;
  const due = open.map((row) => {
    const { responseDueAt, resolutionDueAt } = storedDueTimes(row, now, calendar);
    return { id: row.id, version: row.version, response: responseDueAt, resolution: resolutionDueAt };
  });
  await tx.execute(sql`
    update ${tickets} set response_due_at = due.response, resolution_due_at = due.resolution,
      version = ${tickets.version} + 1
    from jsonb_to_recordset(${JSON.stringify(due)}::jsonb)
      as due(id uuid, version int, response timestamptz, resolution timestamptz)
    where ${tickets.id} = due.id and ${tickets.version} = due.version`);
};
