import { organizations, tickets, users } from "@tessera/db/schema";
import { type CursorQuery, DomainError, decodeCursor, toCursorPage } from "@tessera/domain";
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { loadTeamCalendars } from "./team-calendars.ts";
import { nextDueAt, queueConditions, type TicketFilters } from "./ticket-queries.ts";
import { ticketView } from "./ticket-view.ts";

/**
 * Tickets in cursor pages for the REST API: keyset queries on (sort value, id), so a page
 * never skips or repeats a ticket when tickets are opened meanwhile. `createdAt` is newest
 * first; `dueAt` is the most urgent first, tickets without a due time last.
 */
type TicketPageOrder = "createdAt" | "dueAt";

// No due time sorts after every real one; the cursor needs a value it can compare.
const NO_DUE_TIME = sql`'infinity'::timestamptz`;
const SORTS: Record<TicketPageOrder, { value: SQL; descending: boolean }> = {
  createdAt: { value: sql`${tickets.createdAt}`, descending: true },
  dueAt: { value: sql`coalesce(${nextDueAt()}, ${NO_DUE_TIME})`, descending: false },
};

// Microseconds kept, so rows a millisecond apart are never confused; `infinity` as itself.
const CURSOR_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z|infinity)$/;

const cursorPosition = (cursor: string) => {
  const position = decodeCursor(cursor);
  if (!CURSOR_INSTANT.test(position.sortValue)) {
    throw new DomainError("VALIDATION_FAILED", "cursor is not one this API issued", { field: "cursor" });
  }
  return position;
};

export const pageTickets = async (
  ctx: ServiceContext,
  filters: Partial<TicketFilters>,
  page: CursorQuery,
  order: TicketPageOrder,
  scopeOrganizationId?: string,
) => {
  const now = ctx.clock.now();
  const sort = SORTS[order];
  const conditions = queueConditions(filters, now, scopeOrganizationId);
  if (page.cursor) {
    const { sortValue, id } = cursorPosition(page.cursor);
    const after = sort.descending ? sql`<` : sql`>`;
    conditions.push(sql`(${sort.value}, ${tickets.id}) ${after} (${sortValue}::timestamptz, ${id}::uuid)`);
  }
  const direction = sort.descending ? desc : asc;
  const [calendars, rows] = await Promise.all([
    loadTeamCalendars(ctx.db),
    ctx.db
      .select({
        ticket: tickets,
        organizationName: organizations.name,
        assigneeName: users.name,
        sortValue: sql<string>`case when ${sort.value} = ${NO_DUE_TIME} then 'infinity' else to_char(${sort.value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') end`,
      })
      .from(tickets)
      .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
      .leftJoin(users, eq(users.id, tickets.assigneeId))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(direction(sort.value), direction(tickets.id))
      .limit(page.limit + 1),
  ]);
  const result = toCursorPage(rows, page.limit, (row) => ({ sortValue: row.sortValue, id: row.ticket.id }));
  return {
    items: result.items.map((row) => ({
      ...ticketView(row.ticket, now, calendars.of(row.ticket.teamId)),
      organizationName: row.organizationName,
      assigneeName: row.assigneeName,
    })),
    nextCursor: result.nextCursor,
  };
};

/** Open tickets, most urgent first (the REST twin of getOpenTickets). */
export const openTicketsPage = (ctx: ServiceContext, page: CursorQuery) =>
  pageTickets(ctx, { openOnly: true }, page, "dueAt");

/** Open tickets past a due time now, most overdue first (the twin of getSLABreachedTickets). */
export const breachedTicketsPage = (ctx: ServiceContext, page: CursorQuery) =>
  pageTickets(ctx, { sla: "BREACHED" }, page, "dueAt");
