import type { Transaction } from "@tessera/db";
import { licenses, notifications, organizations, tickets, users } from "@tessera/db/schema";
import {
  type CreateTicketInput,
  DomainError,
  firstResponseTargetHours,
  formatTicketNumber,
  IN_FORCE_STATUSES,
  OPEN_TICKET_STATUSES,
  type Tier,
} from "@tessera/domain";
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { requireTicketQuotas } from "./ticket-quotas.ts";
import { authorOf, HOUR, ticketView } from "./ticket-view.ts";

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
