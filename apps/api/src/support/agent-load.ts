import type { Transaction } from "@tessera/db";
import { users } from "@tessera/db/schema";
import { OPEN_TICKET_STATUSES } from "@tessera/domain";
import { type SQL, sql } from "drizzle-orm";
import { firstRow } from "./raw-rows.ts";

/**
 * Each user's open tickets are counted in `users.open_ticket_count`, changed in the same
 * transaction as the ticket, so routing reads one row per agent rather than counting tickets,
 * and can lock the row it picks: concurrent tickets see which agents are being given one and
 * go to the next. Invariant: the count equals the user's tickets in an open status.
 */

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const isOpenStatus = (status: string) => (OPEN_TICKET_STATUSES as readonly string[]).includes(status);

/** Active SUPPORT agents: the ones routing chooses among (the partial index on load covers them). */
const eligibleAgent = sql`${users.kind} = 'STAFF' and ${users.role} = 'SUPPORT' and ${users.disabledAt} is null`;
const byLoad = sql`${users.openTicketCount}, ${users.lastAssignedAt} asc nulls first, ${users.createdAt}`;

/**
 * One statement that picks, locks and charges an agent, beside `extra` columns (the quota
 * counts, read in the same statement): the least-loaded agent no other transaction holds
 * (`SKIP LOCKED`), taken only when it carries at most one more than the least-loaded agent of
 * all (a held agent is about to get one more), unless `anyFree`. `taken` is null when no agent
 * was taken; `least` is null when there are no agents at all.
 */
export const routeToAgent = (now: Date, anyFree: boolean, extra: Record<string, SQL> = {}) => {
  const columns = Object.entries(extra).map(([name, value]) => sql`, ${value} as ${sql.identifier(name)}`);
  return sql`
    with free as (
      select ${users.id} as id, ${users.openTicketCount} as open from ${users} where ${eligibleAgent}
      order by ${byLoad} limit 1 for no key update skip locked
    ), least as (
      select min(${users.openTicketCount}) as open from ${users} where ${eligibleAgent}
    ), taken as (
      update ${users} set open_ticket_count = ${users.openTicketCount} + 1, last_assigned_at = ${at(now)}
      from free, least
      where ${users.id} = free.id and ${anyFree ? sql`true` : sql`free.open <= least.open + 1`}
      returning ${users.id} as id
    )
    select (select id from taken) as taken, (select open from least) as least${sql.join(columns)}`;
};

/** Route to a named user (an account manager) when an active staff user: charged, or null. */
export const routeToUser = (userId: string, now: Date, extra: Record<string, SQL> = {}) => {
  const columns = Object.entries(extra).map(([name, value]) => sql`, ${value} as ${sql.identifier(name)}`);
  return sql`
    with taken as (
      update ${users} set open_ticket_count = ${users.openTicketCount} + 1, last_assigned_at = ${at(now)}
      where ${users.id} = ${userId} and ${users.kind} = 'STAFF' and ${users.disabledAt} is null
      returning ${users.id} as id
    )
    select (select id from taken) as taken, null::int as least${sql.join(columns)}`;
};

/**
 * Every agent is held by another transaction, or the free ones carry more than one ticket
 * above a held one: wait for the least-loaded agent, then take the least-loaded free agent
 * (the one just waited for, now ours, or one freed meanwhile).
 */
export const waitForAgent = async (tx: Transaction, now: Date): Promise<string | null> => {
  await tx.execute(
    sql`select ${users.id} from ${users} where ${eligibleAgent} order by ${byLoad} limit 1 for no key update`,
  );
  const row = firstRow<{ taken: string | null }>(await tx.execute(routeToAgent(now, true)));
  return row?.taken ?? null;
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
