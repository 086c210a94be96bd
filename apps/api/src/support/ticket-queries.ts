import type { Transaction } from "@tessera/db";
import { organizations, ticketMessages, ticketSlaEvents, tickets, users } from "@tessera/db/schema";
import {
  type CustomerTicketSort,
  DomainError,
  OPEN_TICKET_STATUSES,
  pageOffset,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketQueueInput,
  toPage,
} from "@tessera/domain";
import {
  type AnyColumn,
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNull,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { ticketAttachmentList } from "./attachments-thread.ts";
import { requestersForCustomer, threadForCustomer } from "./customer-view.ts";
import { loadTeamCalendars, loadTicketCalendar } from "./team-calendars.ts";
import { ticketView } from "./ticket-view.ts";

/** A ticket, `scopeOrganizationId` being the tenant filter for customers and keys. */
export const findTicket = async (
  executor: Pick<ServiceContext, "db">["db"] | Transaction,
  ticketId: string,
  scopeOrganizationId?: string,
) => {
  const [row] = await executor
    .select()
    .from(tickets)
    .where(
      scopeOrganizationId
        ? and(eq(tickets.id, ticketId), eq(tickets.organizationId, scopeOrganizationId))
        : eq(tickets.id, ticketId),
    );
  if (!row) throw new DomainError("NOT_FOUND", "Ticket not found", { field: "ticketId" });
  return row;
};

/** A ticket with its thread; customers never see internal notes. */
export const getTicket = async (ctx: ServiceContext, ticketId: string, scopeOrganizationId?: string) => {
  const row = await findTicket(ctx.db, ticketId, scopeOrganizationId);
  const forCustomer = scopeOrganizationId !== undefined;
  const [messages, slaEvents, assignee, organization, attachments, calendar] = await Promise.all([
    ctx.db
      // the author's name as well: the thread shows people by name, not by address
      // (a subquery, not a join: the thread keeps its plain scan and so its order within a tick)
      .select({
        ...getTableColumns(ticketMessages),
        authorName: sql<
          string | null
        >`(select ${users.name} from ${users} where ${users.id} = ${ticketMessages.authorUserId})`,
      })
      .from(ticketMessages)
      .where(
        forCustomer
          ? and(eq(ticketMessages.ticketId, ticketId), eq(ticketMessages.internal, false))
          : eq(ticketMessages.ticketId, ticketId),
      )
      .orderBy(asc(ticketMessages.createdAt)),
    ctx.db
      .select()
      .from(ticketSlaEvents)
      .where(eq(ticketSlaEvents.ticketId, ticketId))
      .orderBy(asc(ticketSlaEvents.createdAt)),
    row.assigneeId
      ? ctx.db
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(eq(users.id, row.assigneeId))
      : Promise.resolve([]),
    ctx.db
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, row.organizationId)),
    ticketAttachmentList(ctx.db, ticketId, forCustomer),
    loadTicketCalendar(ctx.db, row.teamId),
  ]);
  const detail = {
    ...ticketView(row, ctx.clock.now(), calendar),
    organizationName: organization[0]?.name ?? "",
    messages,
    slaEvents,
    assignee: assignee[0] ?? null,
    attachments,
  };
  if (!forCustomer) return detail;
  const [named] = await requestersForCustomer(ctx.db, [threadForCustomer(detail)]);
  return named ?? threadForCustomer(detail);
};

/** The queue's filters, for the console's pages and the REST API's cursor pages alike. */
export type TicketFilters = Omit<
  z.output<typeof TicketQueueInput>,
  "page" | "pageSize" | "sort" | "direction"
>;

/** The filters as conditions; `scopeOrganizationId` (customers, keys) overrides the filter's. */
export const queueConditions = (input: Partial<TicketFilters>, now: Date, scopeOrganizationId?: string) => {
  const conditions: SQL[] = [];
  const organizationId = scopeOrganizationId ?? input.organizationId;
  if (organizationId) conditions.push(eq(tickets.organizationId, organizationId));
  if (input.status) conditions.push(eq(tickets.status, input.status));
  if (input.priority) conditions.push(eq(tickets.priority, input.priority));
  if (input.assigneeId) conditions.push(eq(tickets.assigneeId, input.assigneeId));
  if (input.openOnly) conditions.push(isOpen());
  if (input.sla === "BREACHED") conditions.push(breachedCondition(now));
  if (input.sla === "AT_RISK") conditions.push(atRiskCondition(now));
  if (input.sla === "BREACHED_EVER") conditions.push(everBreachedCondition());
  if (input.createdFrom) conditions.push(gte(tickets.createdAt, input.createdFrom));
  return conditions;
};

/** The queue's input (staff) or the portal's (customers, who also sort by status). */
type ListInput = Omit<z.output<typeof TicketQueueInput>, "sort"> & {
  sort: z.output<typeof TicketQueueInput>["sort"] | CustomerTicketSort;
};

/** A column's place in the domain's order of its enum (most urgent first, workflow order). */
const positionIn = (values: readonly string[], type: string, column: AnyColumn) =>
  sql`array_position(${sql.raw(`array[${values.map((value) => `'${value}'`).join(",")}]::${type}[]`)}, ${column})`;

/**
 * The ORDER BY of a sort: asc is soonest due, most urgent, oldest, open first (workflow order);
 * each sort's natural order (newest first for created) unless a direction is asked for.
 */
const ticketOrder = (
  sort: ListInput["sort"],
  direction: "asc" | "desc" = sort === "createdAt" ? "desc" : "asc",
) => {
  const way = sql.raw(direction);
  if (sort === "dueAt") return [sql`${nextDueAt()} ${way} nulls last`];
  if (sort === "priority")
    return [
      sql`${positionIn([...TICKET_PRIORITIES].reverse(), "ticket_priority", tickets.priority)} ${way}`,
      asc(tickets.createdAt),
    ];
  if (sort === "status")
    return [
      sql`${positionIn(TICKET_STATUSES, "ticket_status", tickets.status)} ${way}`,
      desc(tickets.createdAt),
    ];
  return [direction === "asc" ? asc(tickets.createdAt) : desc(tickets.createdAt)];
};

/** The support queue (staff) or an organisation's tickets (customers), paged on the server. */
export const listTickets = async (
  ctx: ServiceContext,
  input: ListInput,
  scopeOrganizationId?: string,
  /** A standing view's condition (`views.ts`), on top of the filters. */
  view?: SQL,
) => {
  const now = ctx.clock.now();
  const conditions = queueConditions(input, now, scopeOrganizationId);
  if (view) conditions.push(view);
  const where = conditions.length ? and(...conditions) : undefined;
  const order = ticketOrder(input.sort, input.direction);
  const [rows, totals, calendars] = await Promise.all([
    ctx.db
      .select({ ticket: tickets, organizationName: organizations.name, assigneeName: users.name })
      .from(tickets)
      .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
      .leftJoin(users, eq(users.id, tickets.assigneeId))
      .where(where)
      .orderBy(...order, asc(tickets.id))
      .limit(input.pageSize)
      .offset(pageOffset(input.page, input.pageSize)),
    ctx.db.select({ total: count() }).from(tickets).where(where),
    loadTeamCalendars(ctx.db),
  ]);
  const items = rows.map((row) => ({
    ...ticketView(row.ticket, now, calendars.of(row.ticket.teamId)),
    organizationName: row.organizationName,
    assigneeName: row.assigneeName,
  }));
  return toPage(
    // an organisation's list (customers, and its health summary) names staff requesters, not their addresses
    scopeOrganizationId ? await requestersForCustomer(ctx.db, items) : items,
    totals[0]?.total ?? 0,
    input.page,
    input.pageSize,
  );
};

/** The due time that matters now: first response until answered, then resolution (null while paused or done). */
export const nextDueAt = (): SQL =>
  sql`case when ${tickets.firstRespondedAt} is null then ${tickets.responseDueAt} else ${tickets.resolutionDueAt} end`;

export const isOpen = () => inArray(tickets.status, [...OPEN_TICKET_STATUSES]);
const iso = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** Open tickets past a due time: no first response by its due time, or unresolved past resolution. */
export const breachedCondition = (now: Date): SQL =>
  and(
    isOpen(),
    or(
      and(isNull(tickets.firstRespondedAt), sql`${tickets.responseDueAt} < ${iso(now)}`),
      and(isNull(tickets.waitingSince), sql`${tickets.resolutionDueAt} < ${iso(now)}`),
    ),
  ) as SQL;

/** Tickets with a recorded SLA breach, open or not: what the breach figure of the support stats counts. */
const everBreachedCondition = (): SQL =>
  sql`exists (select 1 from ${ticketSlaEvents} where ${ticketSlaEvents.ticketId} = ${tickets.id} and ${ticketSlaEvents.kind} = 'BREACHED')`;

/** Open, not breached, under 25 % of the first-response target left. */
export const atRiskCondition = (now: Date): SQL =>
  and(
    isOpen(),
    isNull(tickets.firstRespondedAt),
    sql`${tickets.responseDueAt} >= ${iso(now)}`,
    sql`${tickets.responseDueAt} - ${iso(now)} < (${tickets.responseDueAt} - ${tickets.createdAt}) * 0.25`,
  ) as SQL;

export const getOpenTickets = (ctx: ServiceContext, page: { page: number; pageSize: number }) =>
  listTickets(ctx, { ...page, sort: "dueAt", openOnly: true });

export const getSLABreachedTickets = (ctx: ServiceContext, page: { page: number; pageSize: number }) =>
  listTickets(ctx, { ...page, sort: "dueAt", sla: "BREACHED" });

export const getLicenseTickets = async (ctx: ServiceContext, licenseId: string) => {
  const now = ctx.clock.now();
  const [rows, calendars] = await Promise.all([
    ctx.db
      .select()
      .from(tickets)
      .where(eq(tickets.licenseId, licenseId))
      .orderBy(desc(tickets.createdAt))
      .limit(500),
    loadTeamCalendars(ctx.db),
  ]);
  return rows.map((row) => ticketView(row, now, calendars.of(row.teamId)));
};
