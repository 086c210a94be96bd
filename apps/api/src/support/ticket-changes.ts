import type { Transaction } from "@tessera/db";
import { ticketMessages, tickets, users } from "@tessera/db/schema";
import {
  assertTicketTransition,
  DomainError,
  statusAfterReply,
  type TicketPriority,
  type TicketStatus,
} from "@tessera/domain";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { diff } from "../events/domain-event.ts";
import { recordEvent } from "../events/record-event.ts";
import { ASSIGNABLE_STAFF_ROLES, adjustAgentLoads } from "./agent-load.ts";
import { claimAttachments } from "./attachments-thread.ts";
import { requestersForCustomer } from "./customer-view.ts";
import { storedDueTimes } from "./sla-view.ts";
import { loadTicketCalendar } from "./team-calendars.ts";
import { findTicket } from "./ticket-queries.ts";
import { authorOf, type TicketRow, ticketView } from "./ticket-view.ts";

/**
 * Apply a change under the version read; status changes keep the pause bookkeeping. Answers
 * the ticket's view, its clocks and stored due times in its team's calendar.
 */
export const changeTicket = async (
  tx: Transaction,
  ctx: ServiceContext,
  current: TicketRow,
  patch: Partial<TicketRow>,
  action: string,
  /** What the event's consumers need beyond the change (the reply's id, for its mail). */
  detail: Record<string, unknown> = {},
) => {
  const now = ctx.clock.now();
  const next = { ...current, ...patch };
  if (patch.status && patch.status !== current.status) {
    if (current.status === "WAITING_ON_CUSTOMER" && current.waitingSince) {
      next.pausedMs = current.pausedMs + (now.getTime() - current.waitingSince.getTime());
      next.pauseSpans = [
        ...current.pauseSpans,
        { from: current.waitingSince.toISOString(), to: now.toISOString() },
      ];
      next.waitingSince = null;
    }
    if (patch.status === "WAITING_ON_CUSTOMER") next.waitingSince = now;
    if (patch.status === "RESOLVED") next.resolvedAt = now;
    if (patch.status === "IN_PROGRESS" && current.status === "RESOLVED") next.resolvedAt = null;
    if (patch.status === "CLOSED") {
      next.closedAt = now;
      // closed without being resolved first (spam, a duplicate): its resolution clock stops too
      next.resolvedAt = current.resolvedAt ?? now;
    }
  }
  const calendar = await loadTicketCalendar(tx, current.teamId);
  const { responseDueAt, resolutionDueAt } = storedDueTimes(next, now, calendar);
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
      pauseSpans: next.pauseSpans,
      responseDueAt,
      resolutionDueAt,
      version: sql`${tickets.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(tickets.id, current.id), eq(tickets.version, current.version)))
    .returning();
  if (!updated)
    throw new DomainError("STALE_VERSION", "The ticket changed at the same time; reload it and try again");
  await adjustAgentLoads(tx, current, updated, now);
  const changes = diff(
    { status: current.status, priority: current.priority, assigneeId: current.assigneeId },
    { status: updated.status, priority: updated.priority, assigneeId: updated.assigneeId },
  );
  await recordEvent(tx, ctx, {
    action,
    organizationId: updated.organizationId,
    targetType: "ticket",
    targetId: updated.id,
    before: changes.before,
    after: { ...changes.after, ...detail },
  });
  return ticketView(updated, now, calendar);
};

/** The changed ticket; a customer's (scoped) change reads it as customers do. */
const answer = async <T extends ReturnType<typeof ticketView>>(
  ctx: ServiceContext,
  view: T,
  scopeOrganizationId: string | undefined,
): Promise<T> => (scopeOrganizationId ? ((await requestersForCustomer(ctx.db, [view]))[0] ?? view) : view);

/** Internal notes are staff-only: refused before anything is read. */
const assertMayWrite = (ctx: ServiceContext, internal: boolean) => {
  if (internal && authorOf(ctx).kind !== "STAFF") {
    throw new DomainError("INTERNAL_NOTE_FORBIDDEN", "Only staff write internal notes", {
      field: "internal",
    });
  }
};

/**
 * Add to the thread, inside the caller's transaction. Internal notes are staff-only; the first
 * public staff reply stops the first-response clock; a customer reply reopens a resolved
 * ticket or resumes a waiting one.
 */
export const addReply = async (
  tx: Transaction,
  ctx: ServiceContext,
  current: TicketRow,
  input: { body: string; internal: boolean; attachmentIds?: readonly string[] | undefined },
  /** What the reply's event carries besides the message (the macro that wrote it). */
  detail: Record<string, unknown> = {},
) => {
  const author = authorOf(ctx);
  assertMayWrite(ctx, input.internal);
  const now = ctx.clock.now();
  // statusAfterReply refuses a CLOSED ticket, for notes as for replies
  const after = statusAfterReply(current.status as TicketStatus, author.kind);
  const status = input.internal ? current.status : after;
  const [message] = await tx
    .insert(ticketMessages)
    .values({
      ticketId: current.id,
      authorUserId: author.userId,
      authorKind: author.kind,
      authorLabel: author.label,
      body: input.body,
      internal: input.internal,
      createdAt: now,
    })
    .returning({ id: ticketMessages.id });
  if (!message) throw new Error("insert returned no row");
  await claimAttachments(
    tx,
    ctx,
    { ticketId: current.id, messageId: message.id, organizationId: current.organizationId },
    input.attachmentIds ?? [],
  );
  const firstPublicStaffReply =
    author.kind === "STAFF" && !input.internal && current.firstRespondedAt === null;
  return changeTicket(
    tx,
    ctx,
    current,
    { status, ...(firstPublicStaffReply ? { firstRespondedAt: now } : {}) },
    input.internal ? "ticket.note_added" : "ticket.replied",
    { messageId: message.id, ...detail },
  );
};

export const replyToTicket = async (
  ctx: ServiceContext,
  ticketId: string,
  input: { body: string; internal: boolean; attachmentIds?: readonly string[] },
  scopeOrganizationId?: string,
) => {
  assertMayWrite(ctx, input.internal);
  const view = await ctx.db.transaction(async (tx) =>
    addReply(tx, ctx, await findTicket(tx, ticketId, scopeOrganizationId), input),
  );
  return answer(ctx, view, scopeOrganizationId);
};

export const updateTicketStatus = async (
  ctx: ServiceContext,
  ticketId: string,
  status: TicketStatus,
  scopeOrganizationId?: string,
) => {
  const view = await ctx.db.transaction(async (tx) => {
    const current = await findTicket(tx, ticketId, scopeOrganizationId);
    // a customer's session moves as the customer; staff, their keys and the system as staff
    assertTicketTransition(
      current.status as TicketStatus,
      status,
      ctx.actor?.kind === "CUSTOMER" ? "CUSTOMER" : "STAFF",
    );
    return changeTicket(tx, ctx, current, { status }, "ticket.status_changed");
  });
  return answer(ctx, view, scopeOrganizationId);
};

/** A new priority: both due times are recomputed from creation. */
export const changeTicketPriority = async (ctx: ServiceContext, ticketId: string, priority: TicketPriority) =>
  ctx.db.transaction(async (tx) =>
    changeTicket(tx, ctx, await findTicket(tx, ticketId), { priority }, "ticket.priority_changed"),
  );

export const assignTicket = async (ctx: ServiceContext, ticketId: string, assigneeId: string | null) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (assigneeId) {
      const [agent] = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.id, assigneeId),
            eq(users.kind, "STAFF"),
            // viewers read the queue but work no tickets
            inArray(users.role, [...ASSIGNABLE_STAFF_ROLES]),
            isNull(users.disabledAt),
          ),
        );
      if (!agent)
        throw new DomainError(
          "VALIDATION_FAILED",
          "assigneeId must be an active support agent or staff admin",
          {
            field: "assigneeId",
          },
        );
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
};
