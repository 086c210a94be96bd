import { randomUUID } from "node:crypto";
import type { Transaction } from "@tessera/db";
import { licenses, notifications, organizations, users } from "@tessera/db/schema";
import {
  type CreateTicketInput,
  DomainError,
  firstResponseTargetHours,
  formatTicketNumber,
  IN_FORCE_STATUSES,
  type TicketPriority,
  type Tier,
} from "@tessera/domain";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { writeAuditEntry } from "../audit/audit-writer.ts";
import type { ServiceContext } from "../context.ts";
import { auditInStatement } from "../events/audit-in-statement.ts";
import { recordEvent } from "../events/record-event.ts";
import { hasSubscribedWebhook } from "../white-label/webhook-outbox.ts";
import { agentRouting, userRouting, waitForLeastLoadedAgent } from "./agent-load.ts";
import { claimAttachments } from "./attachments-thread.ts";
import { firstRow } from "./raw-rows.ts";
import { type InsertAttempt, insertRoutedTicket, type NewTicket } from "./ticket-insert.ts";
import { requireTicketQuotas, ticketQuotaLocks } from "./ticket-quotas.ts";
import { authorOf, HOUR, type TicketRow, ticketView } from "./ticket-view.ts";

/**
 * One statement: the organisation, its license in force, whether a webhook takes
 * `ticket.created`, the quotas' locks (so the counts of the next statement hold) and the
 * ticket's number.
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
      // drawn here so the reference is known to the insert's audit row and notices (a refused
      // create leaves a gap, as a rolled-back one always did)
      number: sql<string>`nextval('ticket_number_seq')::text`,
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

/**
 * Route and insert, with the audit row and notices, in one statement (usually). ENTERPRISE and
 * CUSTOM go to the organisation's account manager when an active staff user; otherwise to the
 * least-loaded active SUPPORT agent that no concurrent create holds, ties going to the one
 * assigned longest ago (see agent-load.ts). Quotas are checked on counts taken after their locks.
 */
const insertWithinQuotas = async (
  tx: Transaction,
  ticket: NewTicket,
  manager: string | null,
  alongside: SQL[],
  now: Date,
) => {
  const attempt = async (routing: SQL) => {
    const row = firstRow<InsertAttempt>(
      await tx.execute(insertRoutedTicket(routing, ticket, now, alongside)),
    );
    if (!row) throw new Error("the ticket insert returned no row");
    return row;
  };
  let done = await attempt(manager ? userRouting(manager, now) : agentRouting(now, false));
  requireTicketQuotas(done, ticket.priority as TicketPriority);
  // the manager is not an active staff user who works tickets (any more, or a viewer): routed as for other tiers
  if (!done.inserted && manager) done = await attempt(agentRouting(now, false));
  if (!done.inserted) {
    // sent together: the second statement runs once the first has waited
    const [, retried] = await Promise.all([waitForLeastLoadedAgent(tx), attempt(agentRouting(now, true))]);
    done = retried;
  }
  if (!done.inserted) throw new Error("the ticket was not inserted");
  return done.taken;
};

/** A CRITICAL ticket notifies every active staff admin: a CTE writing from the inserted ticket. */
const adminNotices = (title: string, link: string, now: Date) => {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`notified as (
      insert into ${notifications} (user_id, kind, title, link, created_at, updated_at)
      select ${users.id}, 'ticket.critical', ${title}::text, ${link}::text, ${at}, ${at} from ${users}, inserted
      where ${users.kind} = 'STAFF' and ${users.role} = 'ADMIN' and ${users.disabledAt} is null
    )`;
};

export const createTicket = async (
  ctx: ServiceContext,
  organizationId: string,
  input: z.output<typeof CreateTicketInput> & { attachmentIds?: readonly string[] },
) => {
  const now = ctx.clock.now();
  const author = authorOf(ctx);
  const id = randomUUID();
  const row = await ctx.db.transaction(async (tx): Promise<TicketRow> => {
    const organization = await loadOrganization(tx, organizationId, input.priority);
    const tier = (organization.tier as Tier | null) ?? null;
    const cap = tier === "CUSTOM" ? organization.cap : null;
    const manager = tier === "ENTERPRISE" || tier === "CUSTOM" ? organization.accountManagerId : null;
    const responseHours = firstResponseTargetHours(input.priority, tier, cap);
    // every column the insert sets or defaults: the row is known without reading it back
    const ticket: NewTicket = {
      id,
      number: Number(organization.number),
      organizationId,
      licenseId: organization.licenseId,
      subject: input.subject,
      description: input.description,
      priority: input.priority,
      status: "OPEN",
      requesterUserId: author.userId,
      requesterLabel: author.label,
      firstRespondedAt: null,
      resolvedAt: null,
      closedAt: null,
      waitingSince: null,
      pausedMs: 0,
      responseCapHours: cap,
      tier,
      responseDueAt: new Date(now.getTime() + responseHours * HOUR),
      resolutionDueAt: new Date(now.getTime() + responseHours * 3 * HOUR),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const reference = formatTicketNumber(ticket.number);
    const event = {
      action: "ticket.created",
      organizationId,
      targetType: "ticket",
      targetId: id,
      after: { reference, priority: input.priority },
      webhookSubscribed: organization.webhookSubscribed,
    };
    const alongside = [
      auditInStatement(ctx, event, "inserted", sql`jsonb_build_object('assigneeId', inserted.assignee_id)`),
      ...(input.priority === "CRITICAL"
        ? [
            adminNotices(
              `CRITICAL ${reference} from ${organization.name}: ${input.subject}`,
              `/console/support/${id}`,
              now,
            ),
          ]
        : []),
    ];
    const assigneeId = await insertWithinQuotas(tx, ticket, manager, alongside, now);
    // files for the description; no statement at all without any
    await claimAttachments(
      tx,
      ctx,
      { ticketId: id, messageId: null, organizationId },
      input.attachmentIds ?? [],
    );
    // the audit row is written; the other consumers (webhooks, when one subscribes) run here
    await recordEvent(tx, ctx, { ...event, after: { ...event.after, assigneeId } }, [writeAuditEntry]);
    return { ...ticket, assigneeId, assignedAt: assigneeId ? now : null };
  });
  return ticketView(row, now);
};
