import type { Transaction } from "@tessera/db";
import { users } from "@tessera/db/schema";
import { OPEN_TICKET_STATUSES } from "@tessera/domain";
import { sql } from "drizzle-orm";
import { renderedOnce } from "../raw-rows.ts";

/**
 * Each user's open tickets are counted in `users.open_ticket_count`, changed in the same
 * transaction as the ticket, so routing reads one row per agent rather than counting tickets,
 * and can lock the row it picks: concurrent tickets see which agents are being given one and
 * go to the next. Invariant: the count equals the user's tickets in an open status.
 */

/** Staff who work tickets: viewers are never assigned and carry no load. */
export const ASSIGNABLE_STAFF_ROLES = ["ADMIN", "SUPPORT"] as const;

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const isOpenStatus = (status: string) => (OPEN_TICKET_STATUSES as readonly string[]).includes(status);

/** Active SUPPORT agents: the ones routing chooses among (the partial index on load covers them). */
export const eligibleAgent = renderedOnce(
  sql`${users.kind} = 'STAFF' and ${users.role} = 'SUPPORT' and ${users.disabledAt} is null`,
);
const byLoad = renderedOnce(
  sql`${users.openTicketCount}, ${users.lastAssignedAt} asc nulls first, ${users.createdAt}`,
);
const leastOpen = renderedOnce(
  sql`(select min(${users.openTicketCount}) from ${users} where ${eligibleAgent})`,
);
/** The CTE `free` for each kind of pick, rendered once. */
const freeAgent = (withinOne: boolean) =>
  renderedOnce(sql`free as (
      select ${users.id} as id from ${users}
      where ${eligibleAgent}${withinOne ? sql` and ${users.openTicketCount} <= ${leastOpen} + 1` : sql``}
      order by ${byLoad} limit 1 for no key update skip locked
    )`);
const FREE_WITHIN_ONE = freeAgent(true);
const FREE_ANY = freeAgent(false);
const CHARGE = renderedOnce(sql`update ${users} set open_ticket_count = ${users.openTicketCount} + 1`);
const LEAST = renderedOnce(sql`least as (select ${leastOpen} as open)`);

/**
 * CTEs `taken` (the agent picked, locked and charged; none when none) and `least` (the
 * least-loaded agent's count; null when there are no agents at all), for a statement that
 * goes on to use them. The pick: the least-loaded agent no other transaction holds (`SKIP
 * LOCKED`) among those carrying at most one more than the least-loaded agent of all (a held
 * agent is about to get one more), or among all free ones with `anyFree`. Besides the agent
 * taken, a row the pick locked and then found changed by a concurrent commit (so no longer
 * matching) stays locked: a caller that goes on to wait first rolls back to a savepoint taken
 * before the pick (createTicket).
 */
export const agentRouting = (
  now: Date,
  anyFree: boolean,
) => sql`${anyFree ? FREE_ANY : FREE_WITHIN_ONE}, taken as (
      ${CHARGE}, last_assigned_at = ${at(now)} from free where "users"."id" = free.id returning "users"."id" as id
    ), ${LEAST}`;

/**
 * The same CTEs for a named user (an account manager), taken when an active staff user;
 * `least` is 0 so that a manager not taken is not read as "no agents at all".
 */
export const userRouting = (userId: string, now: Date) => sql`taken as (
      ${CHARGE}, last_assigned_at = ${at(now)}
      where ${users.id} = ${userId} and ${users.kind} = 'STAFF' and ${users.role} <> 'VIEWER' and ${users.disabledAt} is null
      returning ${users.id} as id
    ), least as (select 0 as open)`;

/**
 * Every agent is held by another transaction, or the free ones carry more than one ticket
 * above a held one: wait for the least-loaded agent; the caller then routes with `anyFree`
 * and takes the least-loaded free agent (the one waited for, now ours, or one freed
 * meanwhile). A transaction waits here at most once, and must hold no agent while it waits
 * (its earlier picks rolled back), so waiters cannot deadlock.
 */
export const waitForLeastLoadedAgent = async (tx: Transaction) => {
  await tx.execute(
    sql`select ${users.id} from ${users} where ${eligibleAgent} order by ${byLoad} limit 1 for no key update`,
  );
};

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
