import { randomUUID } from "node:crypto";
import type { Transaction } from "@tessera/db";
import { licenses, notifications, organizations, tickets, users } from "@tessera/db/schema";
import {
  type CreateTicketInput,
  DomainError,
  firstResponseTargetHours,
  formatTicketNumber,
  IN_FORCE_STATUSES,
  type TicketPriority,
  type Tier,
} from "@tessera/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { hasSubscribedWebhook } from "../white-label/webhook-outbox.ts";
import { routeToAgent, routeToUser, waitForAgent } from "./agent-load.ts";
import { firstRow } from "./raw-rows.ts";
import { requireTicketQuotas, ticketQuotaCounts, ticketQuotaLocks } from "./ticket-quotas.ts";
import { authorOf, HOUR, ticketView } from "./ticket-view.ts";

/**
 * One statement: the organisation, its license in force, whether a webhook takes
 * `ticket.created`, and the quotas' locks (so the counts of the next statement hold).
 */
const loadOrganization = async (tx: Transaction, organizationId: string, priority: TicketPriority) => {
  const [found] = await tx
    .select({
      name: organizations.name,
      accountManagerId: organizations.accountManagerId,
      licenseId: licenses.id,
      tier: licenses.tier,
      cap: licenses.supportResponseCapHours,
      webhookSubscribed: hasSubscribedWebhook(organizationId, "ticket.created"),
      ...ticketQuotaLocks(organizationId, priority),
    })
    .from(organizations)
    .leftJoin(
      licenses,
      and(eq(licenses.organizationId, organizations.id), inArray(licenses.status, [...IN_FORCE_STATUSES])),
    )
    .where(eq(organizations.id, organizationId))
    .limit(1);
  if (!found) throw new DomainError("NOT_FOUND", "Organisation not found", { field: "organizationId" });
  return found;
};

interface Routed {
  taken: string | null;
  least: number | null;
  openTickets: number;
  criticalToday: number;
  number: string;
}

/**
 * One statement (usually): the quota counts, the ticket's number and its assignee, charged on
 * their open-ticket count. ENTERPRISE and CUSTOM go to the organisation's account manager when
 * an active staff user; otherwise to the least-loaded active SUPPORT agent that no concurrent
 * create holds, ties going to the one assigned longest ago (see agent-load.ts).
 */
const routeWithinQuotas = async (
  tx: Transaction,
  organizationId: string,
  priority: TicketPriority,
  manager: string | null,
  now: Date,
) => {
  const extra = {
    ...ticketQuotaCounts(organizationId, priority, now),
    number: sql`nextval('ticket_number_seq')::text`,
  };
  const statement = manager ? routeToUser(manager, now, extra) : routeToAgent(now, false, extra);
  const routed = firstRow<Routed>(await tx.execute(statement));
  if (!routed) throw new Error("routing returned no row");
  requireTicketQuotas(routed, priority);
  let { taken: assigneeId, least } = routed;
  if (!assigneeId && manager) {
    // not an active staff user (any more): routed as for other tiers
    const row = firstRow<Pick<Routed, "taken" | "least">>(await tx.execute(routeToAgent(now, false)));
    assigneeId = row?.taken ?? null;
    least = row?.least ?? null;
  }
  if (!assigneeId && least !== null) assigneeId = await waitForAgent(tx, now);
  return { assigneeId, number: Number(routed.number) };
};

/** A CRITICAL ticket notifies every active staff admin, in one insert … select. */
const notifyAdmins = (tx: Transaction, title: string, link: string, now: Date) => {
  const at = sql`${now.toISOString()}::timestamptz`;
  return tx.execute(sql`
    insert into ${notifications} (user_id, kind, title, link, created_at, updated_at)
    select ${users.id}, 'ticket.critical', ${title}, ${link}, ${at}, ${at} from ${users}
    where ${users.kind} = 'STAFF' and ${users.role} = 'ADMIN' and ${users.disabledAt} is null`);
};

export const createTicket = async (
  ctx: ServiceContext,
  organizationId: string,
  input: z.output<typeof CreateTicketInput>,
) => {
  const now = ctx.clock.now();
  const author = authorOf(ctx);
  const id = randomUUID();
  const row = await ctx.db.transaction(async (tx) => {
    const organization = await loadOrganization(tx, organizationId, input.priority);
    const tier = (organization.tier as Tier | null) ?? null;
    const cap = tier === "CUSTOM" ? organization.cap : null;
    const manager = tier === "ENTERPRISE" || tier === "CUSTOM" ? organization.accountManagerId : null;
    const { assigneeId, number } = await routeWithinQuotas(tx, organizationId, input.priority, manager, now);
    const responseHours = firstResponseTargetHours(input.priority, tier, cap);
    const reference = formatTicketNumber(number);
    // The id and number are known: the ticket, its notices and its event go out together.
    const [inserted] = await Promise.all([
      tx
        .insert(tickets)
        .values({
          id,
          number,
          organizationId,
          licenseId: organization.licenseId,
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
        .returning(),
      input.priority === "CRITICAL"
        ? notifyAdmins(
            tx,
            `CRITICAL ${reference} from ${organization.name}: ${input.subject}`,
            `/console/support/${id}`,
            now,
          )
        : null,
      recordEvent(tx, ctx, {
        action: "ticket.created",
        organizationId,
        targetType: "ticket",
        targetId: id,
        after: { reference, priority: input.priority, assigneeId },
        webhookSubscribed: organization.webhookSubscribed,
      }),
    ]);
    const created = inserted[0];
    if (!created) throw new Error("insert returned no row");
    return created;
  });
  return ticketView(row, now);
};
