import type { Transaction } from "@tessera/db";
import { users } from "@tessera/db/schema";
import { OPEN_TICKET_STATUSES } from "@tessera/domain";
import { sql } from "drizzle-orm";
import { renderedOnce } from "../raw-rows.ts";

/**
 * Each user's open tickets are counted in `users.open_ticket_count`, changed in the same
 * transaction as the ticket, so routing reads one row per agent rather than counting tickets.
 * Invariant: the count equals the user's tickets in an open status.
 *
 * Routing to the pool of agents runs under ROUTING_LOCK, held until commit, in a statement sent
 * after the lock's (each statement reads committed rows as of its start): it reads every
 * earlier pick, so a burst is spread evenly. Picking without it (SKIP LOCKED) read the counts as
 * of the statement's start and locked the rows later: a pick could take an agent a concurrent
 * commit had just charged while another sat one lower, and a burst of 24 ended 7,6,5,6.
 */
export const ROUTING_LOCK = renderedOnce(
  sql`select pg_advisory_xact_lock(hashtextextended('support:agent-routing', 0))`,
);

/** Staff who work tickets: viewers are never assigned and carry no load. */
export const ASSIGNABLE_STAFF_ROLES = ["ADMIN", "SUPPORT"] as const;

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const isOpenStatus = (status: string) => (OPEN_TICKET_STATUSES as readonly string[]).includes(status);

/** Active SUPPORT agents: the ones routing chooses among (found by the partial index users_support_agents). */
export const eligibleAgent = renderedOnce(
  sql`${users.kind} = 'STAFF' and ${users.role} = 'SUPPORT' and ${users.disabledAt} is null`,
);
const byLoad = renderedOnce(
  sql`${users.openTicketCount}, ${users.lastAssignedAt} asc nulls first, ${users.createdAt}`,
);
const CHARGE = renderedOnce(sql`update ${users} set open_ticket_count = ${users.openTicketCount} + 1`);
/**
 * `least` is null only when there are no agents at all. `taken` checks the agent again as it
 * updates the row: one disabled since the statement began is not charged (nothing is taken).
 */
const LEAST_LOADED = renderedOnce(sql`free as (
      select ${users.id} as id, ${users.openTicketCount} as open from ${users}
      where ${eligibleAgent} order by ${byLoad} limit 1
    ), least as (select (select open from free) as open)`);
const TAKEN_FROM_FREE = renderedOnce(sql`from free where "users"."id" = free.id and ${eligibleAgent}
      returning "users"."id" as id`);

/**
 * CTEs `taken` (the least-loaded agent, charged; ties go to the one assigned longest ago) and
 * `least`, for a statement that goes on to use them; sent under ROUTING_LOCK.
 */
export const agentRouting = (now: Date) =>
  sql`${LEAST_LOADED}, taken as (${CHARGE}, last_assigned_at = ${at(now)} ${TAKEN_FROM_FREE})`;

/**
 * The same CTEs for a named user (an account manager), taken when an active staff user;
 * `least` is 0 so that a manager not taken is not read as "no agents at all".
 */
export const userRouting = (userId: string, now: Date) => sql`taken as (
      ${CHARGE}, last_assigned_at = ${at(now)}
      where ${users.id} = ${userId} and ${users.kind} = 'STAFF' and ${users.role} <> 'VIEWER' and ${users.disabledAt} is null
      returning ${users.id} as id
    ), least as (select 0 as open)`;

interface Assignment {
  status: string;
  assigneeId: string | null;
}

/**
 * Keep the counts exact after a ticket changed from `before` to `after` (status, assignee):
 * one statement when someone's count moves, none otherwise. A newly assigned user's
 * `last_assigned_at` moves too. One UPDATE locks both rows of a reassignment in index order,
 * so two opposite reassignments cannot deadlock.
 */
export const adjustAgentLoads = async (tx: Transaction, before: Assignment, after: Assignment, now: Date) => {
  const wasCounted = before.assigneeId !== null && isOpenStatus(before.status);
  const isCounted = after.assigneeId !== null && isOpenStatus(after.status);
  const sameAssignee = before.assigneeId === after.assigneeId;
  const decrement = wasCounted && !(isCounted && sameAssignee) ? before.assigneeId : null;
  const increment = isCounted && !(wasCounted && sameAssignee) ? after.assigneeId : null;
  if (!decrement && !increment) return;
  const newlyAssigned = sameAssignee ? null : after.assigneeId;
  const ids = [decrement, increment].filter((id): id is string => id !== null);
  await tx.execute(sql`
    update ${users} set
      open_ticket_count = ${users.openTicketCount}
        + (case when ${users.id} = ${increment} then 1 else 0 end)
        - (case when ${users.id} = ${decrement} then 1 else 0 end),
      last_assigned_at = case when ${users.id} = ${newlyAssigned} then ${at(now)} else ${users.lastAssignedAt} end
    where ${users.id} in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
};
