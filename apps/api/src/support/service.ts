import type { Transaction } from "@tessera/db";
import {
  licenses,
  notifications,
  organizations,
  ticketMessages,
  ticketSlaEvents,
  tickets,
  users,
} from "@tessera/db/schema";
import {
  assertTicketTransition,
  type CreateTicketInput,
  DomainError,
  firstResponseTargetHours,
  formatTicketNumber,
  IN_FORCE_STATUSES,
  OPEN_TICKET_STATUSES,
  pageOffset,
  statusAfterReply,
  type TicketPriority,
  type TicketQueueInput,
  type TicketStatus,
  type Tier,
  toPage,
} from "@tessera/domain";
import { and, asc, count, desc, eq, gte, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { diff } from "../events/domain-event.ts";
import { recordEvent } from "../events/record-event.ts";
import { slaOf, storedDueTimes } from "./sla-view.ts";
import { requireTicketQuotas } from "./ticket-quotas.ts";

type TicketRow = typeof tickets.$inferSelect;

const HOUR = 3_600_000;

export const ticketView = (row: TicketRow, now: Date) => ({
  ...row,
  reference: formatTicketNumber(row.number),
  sla: slaOf(row, now),
});
export type TicketView = ReturnType<typeof ticketView>;

/** Who is acting, as the thread and the ticket record it. */
const authorOf = (ctx: ServiceContext) =>
  ctx.actor
    ? { userId: ctx.actor.userId, kind: ctx.actor.kind, label: `user:${ctx.actor.email}` }
    : {
        userId: null,
        kind: "CUSTOMER" as const,
        label: ctx.apiKey ? `api-key:${ctx.apiKey.prefix}` : "system",
      };

/**
 * Who gets a new ticket: for ENTERPRISE and CUSTOM the organisation's account manager (when
 * an active staff user); otherwise the active SUPPORT agent with the fewest open tickets,
 * ties going to the one assigned longest ago.
 */
const routeTicket = async (tx: Transaction, tier: Tier | null, accountManagerId: string | null) => {
  if ((tier === "ENTERPRISE" || tier === "CUSTOM") && accountManagerId) {
    const [manager] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, accountManagerId), eq(users.kind, "STAFF"), isNull(users.disabledAt)));
    if (manager) return manager.id;
  }
  const [agent] = await tx
    .select({ id: users.id })
    .from(users)
    .leftJoin(
      tickets,
      and(eq(tickets.assigneeId, users.id), inArray(tickets.status, [...OPEN_TICKET_STATUSES])),
    )
    .where(and(eq(users.kind, "STAFF"), eq(users.role, "SUPPORT"), isNull(users.disabledAt)))
    .groupBy(users.id)
    .orderBy(asc(count(tickets.id)), sql`max(${tickets.assignedAt}) asc nulls first`, asc(users.createdAt))
    .limit(1);
  return agent?.id ?? null;
};

export const createTicket = async (
  ctx: ServiceContext,
  organizationId: string,
  input: z.output<typeof CreateTicketInput>,
) => {
  const now = ctx.clock.now();
  const author = authorOf(ctx);
  const row = await ctx.db.transaction(async (tx) => {
    const [organization] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
    if (!organization)
      throw new DomainError("NOT_FOUND", "Organisation not found", { field: "organizationId" });
    await requireTicketQuotas(tx, organizationId, input.priority, now);
    const [license] = await tx
      .select()
      .from(licenses)
      .where(
        and(eq(licenses.organizationId, organizationId), inArray(licenses.status, [...IN_FORCE_STATUSES])),
      )
      .limit(1);
    const tier = license?.tier ?? null;
    const cap = license?.tier === "CUSTOM" ? license.supportResponseCapHours : null;
    const assigneeId = await routeTicket(tx, tier, organization.accountManagerId);
    const responseHours = firstResponseTargetHours(input.priority, tier, cap);
    const [created] = await tx
      .insert(tickets)
      .values({
        organizationId,
        licenseId: license?.id ?? null,
        subject: input.subject,
        description: input.description,
        priority: input.priority,
        status: "OPEN",
        requesterUserId: author.userId,
        requesterLabel: author.label,
        assigneeId,
        assignedAt: assigneeId ? now : null,
        tier,
        responseCapHours: cap,
        responseDueAt: new Date(now.getTime() + responseHours * HOUR),
        resolutionDueAt: new Date(now.getTime() + responseHours * 3 * HOUR),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    if (created.priority === "CRITICAL") {
      const admins = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.kind, "STAFF"), eq(users.role, "ADMIN"), isNull(users.disabledAt)));
      if (admins.length > 0) {
        await tx.insert(notifications).values(
          admins.map((admin) => ({
            userId: admin.id,
            kind: "ticket.critical",
            title: `CRITICAL ${formatTicketNumber(created.number)} from ${organization.name}: ${created.subject}`,
            link: `/console/support/${created.id}`,
            createdAt: now,
            updatedAt: now,
          })),
        );
      }
    }
    await recordEvent(tx, ctx, {
      action: "ticket.created",
      organizationId,
      targetType: "ticket",
      targetId: created.id,
      after: { reference: formatTicketNumber(created.number), priority: created.priority, assigneeId },
    });
    return created;
  });
  return ticketView(row, now);
};

/** A ticket, `scopeOrganizationId` being the tenant filter for customers and keys. */
const findTicket = async (
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

/** Apply a change under the version read; status changes keep the pause bookkeeping. */
const changeTicket = async (
  tx: Transaction,
  ctx: ServiceContext,
  current: TicketRow,
  patch: Partial<TicketRow>,
  action: string,
) => {
  const now = ctx.clock.now();
  const next = { ...current, ...patch };
  if (patch.status && patch.status !== current.status) {
    if (current.status === "WAITING_ON_CUSTOMER" && current.waitingSince) {
      next.pausedMs = current.pausedMs + (now.getTime() - current.waitingSince.getTime());
      next.waitingSince = null;
    }
    if (patch.status === "WAITING_ON_CUSTOMER") next.waitingSince = now;
    if (patch.status === "RESOLVED") next.resolvedAt = now;
    if (patch.status === "IN_PROGRESS" && current.status === "RESOLVED") next.resolvedAt = null;
    if (patch.status === "CLOSED") next.closedAt = now;
  }
  const { responseDueAt, resolutionDueAt } = storedDueTimes(next, now);
  const [updated] = await tx
    .update(tickets)
    .set({
      status: next.status,
      priority: next.priority,
      assigneeId: next.assigneeId,
      assignedAt: next.assignedAt,
      firstRespondedAt: next.firstRespondedAt,
      resolvedAt: next.resolvedAt,
      closedAt: next.closedAt,
      waitingSince: next.waitingSince,
      pausedMs: next.pausedMs,
      responseDueAt,
      resolutionDueAt,
      version: sql`${tickets.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(tickets.id, current.id), eq(tickets.version, current.version)))
    .returning();
  if (!updated)
    throw new DomainError("STALE_VERSION", "The ticket changed at the same time; reload it and try again");
  const changes = diff(
    { status: current.status, priority: current.priority, assigneeId: current.assigneeId },
    { status: updated.status, priority: updated.priority, assigneeId: updated.assigneeId },
  );
  await recordEvent(tx, ctx, {
    action,
    organizationId: updated.organizationId,
    targetType: "ticket",
    targetId: updated.id,
    ...changes,
  });
  return updated;
};

/**
 * Add to the thread. Internal notes are staff-only; the first public staff reply stops the
 * first-response clock; a customer reply reopens a resolved ticket or resumes a waiting one.
 */
export const replyToTicket = async (
  ctx: ServiceContext,
  ticketId: string,
  input: { body: string; internal: boolean },
  scopeOrganizationId?: string,
) => {
  const author = authorOf(ctx);
  if (input.internal && author.kind !== "STAFF") {
    throw new DomainError("INTERNAL_NOTE_FORBIDDEN", "Only staff write internal notes", {
      field: "internal",
    });
  }
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await findTicket(tx, ticketId, scopeOrganizationId);
    // statusAfterReply refuses a CLOSED ticket, for notes as for replies
    const after = statusAfterReply(current.status as TicketStatus, author.kind);
    const status = input.internal ? current.status : after;
    await tx.insert(ticketMessages).values({
      ticketId,
      authorUserId: author.userId,
      authorKind: author.kind,
      authorLabel: author.label,
      body: input.body,
      internal: input.internal,
      createdAt: now,
    });
    const firstPublicStaffReply =
      author.kind === "STAFF" && !input.internal && current.firstRespondedAt === null;
    return changeTicket(
      tx,
      ctx,
      current,
      { status, ...(firstPublicStaffReply ? { firstRespondedAt: now } : {}) },
      input.internal ? "ticket.note_added" : "ticket.replied",
    );
  });
  return ticketView(row, now);
};

export const updateTicketStatus = async (
  ctx: ServiceContext,
  ticketId: string,
  status: TicketStatus,
  scopeOrganizationId?: string,
) => {
  if (ctx.actor?.kind === "CUSTOMER" && status !== "RESOLVED" && status !== "CLOSED") {
    throw new DomainError("FORBIDDEN", "Customers may resolve or close a ticket; staff move it otherwise", {
      field: "status",
    });
  }
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await findTicket(tx, ticketId, scopeOrganizationId);
    assertTicketTransition(current.status as TicketStatus, status);
    return changeTicket(tx, ctx, current, { status }, "ticket.status_changed");
  });
  return ticketView(row, now);
};

/** A new priority: both due times are recomputed from creation. */
export const changeTicketPriority = async (
  ctx: ServiceContext,
  ticketId: string,
  priority: TicketPriority,
) => {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) =>
    changeTicket(tx, ctx, await findTicket(tx, ticketId), { priority }, "ticket.priority_changed"),
  );
  return ticketView(row, now);
};

export const assignTicket = async (ctx: ServiceContext, ticketId: string, assigneeId: string | null) => {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    if (assigneeId) {
      const [agent] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, assigneeId), eq(users.kind, "STAFF"), isNull(users.disabledAt)));
      if (!agent)
        throw new DomainError("VALIDATION_FAILED", "must be an active staff user", { field: "assigneeId" });
    }
    const current = await findTicket(tx, ticketId);
    return changeTicket(
      tx,
      ctx,
      current,
      { assigneeId, assignedAt: assigneeId ? now : null },
      "ticket.assigned",
    );
  });
  return ticketView(row, now);
};

/** A ticket with its thread; customers never see internal notes. */
export const getTicket = async (ctx: ServiceContext, ticketId: string, scopeOrganizationId?: string) => {
  const row = await findTicket(ctx.db, ticketId, scopeOrganizationId);
  const forCustomer = scopeOrganizationId !== undefined;
  const [messages, slaEvents, assignee, organization] = await Promise.all([
    ctx.db
      .select()
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
  ]);
  return {
    ...ticketView(row, ctx.clock.now()),
    organizationName: organization[0]?.name ?? "",
    messages,
    slaEvents,
    assignee: assignee[0] ?? null,
  };
};

/** The support queue (staff) or an organisation's tickets (customers), paged on the server. */
export const listTickets = async (
  ctx: ServiceContext,
  input: z.output<typeof TicketQueueInput>,
  scopeOrganizationId?: string,
) => {
  const now = ctx.clock.now();
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
  const where = conditions.length ? and(...conditions) : undefined;
  const order =
    input.sort === "dueAt"
      ? [
          sql`case when ${tickets.firstRespondedAt} is null then ${tickets.responseDueAt} else ${tickets.resolutionDueAt} end asc nulls last`,
        ]
      : input.sort === "priority"
        ? [
            sql`array_position(array['CRITICAL','HIGH','NORMAL','LOW']::ticket_priority[], ${tickets.priority})`,
            asc(tickets.createdAt),
          ]
        : [desc(tickets.createdAt)];
  const [rows, totals] = await Promise.all([
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
  ]);
  return toPage(
    rows.map((row) => ({
      ...ticketView(row.ticket, now),
      organizationName: row.organizationName,
      assigneeName: row.assigneeName,
    })),
    totals[0]?.total ?? 0,
    input.page,
    input.pageSize,
  );
};

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
  const rows = await ctx.db
    .select()
    .from(tickets)
    .where(eq(tickets.licenseId, licenseId))
    .orderBy(desc(tickets.createdAt))
    .limit(500);
  return rows.map((row) => ticketView(row, now));
};
