import {
  messageSearchDocument,
  organizations,
  ticketMessages,
  ticketSearchDocument,
  tickets,
  users,
} from "@tessera/db/schema";
import { parseTicketSearch, type TicketSearchInput } from "@tessera/domain";
import { and, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { requestersForCustomer } from "./customer-view.ts";
import { loadTeamCalendars } from "./team-calendars.ts";
import { ticketView } from "./ticket-view.ts";

/** Each word as a prefix, all of them required; the words hold only letters and digits. */
const prefixQuery = (terms: string[]) =>
  sql`to_tsquery('simple', ${terms.map((term) => `${term}:*`).join(" & ")})`;

/**
 * Tickets by number (`SUP-000123`, `123`) or by the words of their subject, description and
 * messages, through the GIN indexes on both (the documents are the indexes' expressions). A
 * number match comes first, then the best text match, then the newest. `scopeOrganizationId`
 * (customers) keeps to one organisation and leaves internal notes out of the match, so that
 * a note's words can never reveal which ticket holds it.
 */
export const searchTickets = async (
  ctx: ServiceContext,
  input: z.output<typeof TicketSearchInput>,
  scopeOrganizationId?: string,
) => {
  const { number, terms } = parseTicketSearch(input.query);
  const query = terms.length > 0 ? prefixQuery(terms) : null;
  const matches: SQL[] = [];
  if (number !== null) matches.push(eq(tickets.number, number));
  if (query) {
    matches.push(sql`${ticketSearchDocument(tickets)} @@ ${query}`);
    const publicOnly = scopeOrganizationId ? sql` and ${ticketMessages.internal} = false` : sql``;
    matches.push(
      sql`${tickets.id} in (select ${ticketMessages.ticketId} from ${ticketMessages} where ${messageSearchDocument(ticketMessages)} @@ ${query}${publicOnly})`,
    );
  }
  if (matches.length === 0) return { items: [] };
  const order: SQL[] = [];
  if (number !== null) order.push(desc(sql`${tickets.number} = ${number}`));
  if (query) order.push(desc(sql`ts_rank(${ticketSearchDocument(tickets)}, ${query})`));
  const now = ctx.clock.now();
  const calendars = loadTeamCalendars(ctx.db);
  const rows = await ctx.db
    .select({ ticket: tickets, organizationName: organizations.name, assigneeName: users.name })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .leftJoin(users, eq(users.id, tickets.assigneeId))
    .where(
      and(scopeOrganizationId ? eq(tickets.organizationId, scopeOrganizationId) : undefined, or(...matches)),
    )
    .orderBy(...order, desc(tickets.createdAt), desc(tickets.id))
    .limit(input.limit);
  const teams = await calendars;
  const items = rows.map((row) => ({
    ...ticketView(row.ticket, now, teams.of(row.ticket.teamId)),
    organizationName: row.organizationName,
    assigneeName: row.assigneeName,
  }));
  return { items: scopeOrganizationId ? await requestersForCustomer(ctx.db, items) : items };
};
