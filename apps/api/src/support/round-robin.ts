import { supportRouting, users } from "@tessera/db/schema";
import type { Tier } from "@tessera/domain";
import { sql } from "drizzle-orm";
import { renderedOnce } from "../raw-rows.ts";
import { eligibleAgent as ELIGIBLE } from "./agent-load.ts";

/**
 * The agent after the tier's cursor in id order, or the first one when none comes after
 * (or the cursor is empty, or its agent gone): agents take turns whatever their load.
 */
const NEXT_AGENT = renderedOnce(sql`coalesce(
    (select ${users.id} from ${users} where ${ELIGIBLE} and ${users.id} > support_routing.last_agent_id
      order by ${users.id} limit 1),
    (select ${users.id} from ${users} where ${ELIGIBLE} order by ${users.id} limit 1))`);

/**
 * CTEs `taken` and `least` (as agentRouting's in agent-load.ts) for a tier routed round robin.
 * The cursor moves in one `UPDATE … RETURNING` on the tier's row: a concurrent create waits
 * for the row, then PostgreSQL evaluates the move again on the row as committed, so two
 * tickets created at once go to successive agents (createTicket also sends it under
 * ROUTING_LOCK, as every pick from the pool). The agent taken is charged one open ticket
 * (the counts stay exact). `least` is null only when there is no agent at all.
 */
export const roundRobinRouting = (tier: Tier, now: Date) => sql`turn as (
      update ${supportRouting} set last_agent_id = ${NEXT_AGENT}, updated_at = ${now.toISOString()}::timestamptz
      where ${supportRouting.tier} = ${tier} returning last_agent_id as id
    ), taken as (
      update ${users} set open_ticket_count = ${users.openTicketCount} + 1,
        last_assigned_at = ${now.toISOString()}::timestamptz
      from turn where ${users.id} = turn.id returning ${users.id} as id
    ), least as (select (select min(${users.openTicketCount}) from ${users} where ${ELIGIBLE}) as open)`;
