import { tickets } from "@tessera/db/schema";
import type { TicketPriority } from "@tessera/domain";
import { type SQL, sql } from "drizzle-orm";
import { renderedOnce } from "../raw-rows.ts";
import { ticketQuotaCounts } from "./ticket-quotas.ts";
import type { TicketRow } from "./ticket-view.ts";

/** What a new ticket holds before it is routed. */
export type NewTicket = Omit<TicketRow, "assigneeId" | "assignedAt">;

export interface InsertAttempt {
  taken: string | null;
  openTickets: number;
  criticalToday: number;
  /** Whether the ticket was inserted (with `taken` as its assignee). */
  inserted: boolean;
}

const INSERT_INTO = renderedOnce(sql`insert into ${tickets} (id, number, organization_id, license_id,
  subject, description, priority, status, requester_user_id, requester_label, assignee_id, assigned_at, tier,
  response_cap_hours, response_due_at, resolution_due_at, created_at, updated_at, team_id)`);

const at = (date: Date | null) => (date ? sql`${date.toISOString()}::timestamptz` : sql`null::timestamptz`);

/**
 * One statement, run after the quota locks: count the quotas, route (`routing`: the CTEs
 * `taken` and `least` of agent-load.ts) and insert the ticket, assigned, when it stays within
 * the quotas and has an assignee (or there are no agents at all), with `alongside` (CTEs that
 * write from the `inserted` row: its audit row, notices). When nothing is inserted the caller
 * reports the quota or waits for an agent and tries again.
 */
export const insertRoutedTicket = (routing: SQL, ticket: NewTicket, now: Date, alongside: SQL[]) => {
  const quotas = ticketQuotaCounts(ticket.organizationId, ticket.priority as TicketPriority, now);
  return sql`
    with ${routing}, ${quotas.cte}, inserted as (
      ${INSERT_INTO}
      select ${ticket.id}::uuid, ${ticket.number}::bigint, ${ticket.organizationId}::uuid,
        ${ticket.licenseId}::uuid, ${ticket.subject}::text, ${ticket.description}::text,
        ${ticket.priority}::ticket_priority, ${ticket.status}::ticket_status, ${ticket.requesterUserId}::uuid,
        ${ticket.requesterLabel}::text, taken.id, case when taken.id is null then null else ${at(now)} end,
        ${ticket.tier}::text, ${ticket.responseCapHours}::int, ${at(ticket.responseDueAt)},
        ${at(ticket.resolutionDueAt)}, ${at(ticket.createdAt)}, ${at(ticket.updatedAt)}, ${ticket.teamId}::uuid
      from counts cross join least left join taken on true
      where ${quotas.withinQuotas} and (taken.id is not null or least.open is null)
      returning assignee_id
    )${sql.join(alongside.map((cte) => sql`, ${cte}`))}
    select (select id from taken) as taken, counts."openTickets", counts."criticalToday",
      exists (select 1 from inserted) as inserted
    from counts`;
};
