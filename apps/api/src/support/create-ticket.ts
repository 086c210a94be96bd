import { randomUUID } from "node:crypto";
import type { Transaction } from "@tessera/db";
import {
  licenses,
  notifications,
  organizations,
  supportRouting,
  supportTeams,
  users,
} from "@tessera/db/schema";
import {
  type BusinessCalendar,
  type CreateTicketInput,
  DomainError,
  formatTicketNumber,
  IN_FORCE_STATUSES,
  type TicketPriority,
  type Tier,
} from "@tessera/domain";
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { writeAuditEntry } from "../audit/audit-writer.ts";
import type { ServiceContext } from "../context.ts";
import { auditInStatement } from "../events/audit-in-statement.ts";
import { recordEvent } from "../events/record-event.ts";
import { ticketCreatedMail } from "../mail/notifications/support-tickets.ts";
import { isActiveStaffAdmin } from "../mail/recipients.ts";
import { firstRow, literalList, renderedWithPlaceholders } from "../raw-rows.ts";
import { hasSubscribedWebhook } from "../white-label/webhook-outbox.ts";
import { agentRouting, ROUTING_LOCK, userRouting } from "./agent-load.ts";
import { claimAttachments } from "./attachments-thread.ts";
import { roundRobinRouting } from "./round-robin.ts";
import { slaOf } from "./sla-view.ts";
import { calendarOf } from "./team-calendars.ts";
import { type InsertAttempt, insertRoutedTicket, type NewTicket } from "./ticket-insert.ts";
import { requireTicketQuotas, ticketQuotaLocks } from "./ticket-quotas.ts";
import { authorOf, type TicketRow, ticketView } from "./ticket-view.ts";

type Calendar = Parameters<typeof calendarOf>[0] & {};
interface OrganizationFacts {
  name: string;
  accountManagerId: string | null;
  licenseId: string | null;
  tier: string | null;
  cap: number | null;
  routingMode: string | null;
  teamId: string | null;
  businessHours: Calendar["businessHours"];
  timeZone: Calendar["timeZone"];
  weeklyHours: Calendar["weeklyHours"];
  holidays: Calendar["holidays"];
  webhookSubscribed: boolean;
  /** Drawn here so the reference is known to the insert's audit row and notices (a refused
   * create leaves a gap, as a rolled-back one always did). */
  number: string;
}

/** Where each call's organisation id goes in the statement below. */
const organizationParam = sql.placeholder("organizationId");
/**
 * One statement, rendered once per priority: the organisation, its license in force, its tier's
 * routing and team (the default team when the tier names none) with the team's calendar,
 * whether a webhook takes `ticket.created`, the quotas' locks (so the counts of the next
 * statement hold) and the ticket's number.
 */
const organizationFacts = (priority: TicketPriority) => {
  const locks = Object.entries(ticketQuotaLocks(sql`${organizationParam}::text`, priority)).map(
    ([name, lock]) => sql`${lock} as ${sql.identifier(name)}`,
  );
  return renderedWithPlaceholders<"organizationId">(sql`select ${organizations.name} as name,
      ${organizations.accountManagerId} as "accountManagerId", ${licenses.id} as "licenseId",
      ${licenses.tier} as tier, ${licenses.supportResponseCapHours} as cap, ${supportRouting.mode} as "routingMode",
      ${supportTeams.id} as "teamId", ${supportTeams.businessHours} as "businessHours",
      ${supportTeams.timeZone} as "timeZone", ${supportTeams.weeklyHours} as "weeklyHours",
      ${supportTeams.holidays} as holidays,
      ${hasSubscribedWebhook(sql`${organizationParam}::uuid`, "ticket.created")} as "webhookSubscribed",
      ${sql.join(locks, sql`, `)}, nextval('ticket_number_seq')::text as number
    from ${organizations}
    left join ${licenses} on ${licenses.organizationId} = ${organizations.id}
      and ${licenses.status} in (${literalList(IN_FORCE_STATUSES)})
    left join ${supportRouting} on ${supportRouting.tier} = ${licenses.tier}::text
    left join ${supportTeams} on ${supportTeams.id} =
      coalesce(${supportRouting.teamId}, (select id from ${supportTeams} where is_default))
    where ${organizations.id} = ${organizationParam}::uuid
    limit 1`);
};
const ORGANIZATION_FACTS = {
  NORMAL: organizationFacts("NORMAL"),
  CRITICAL: organizationFacts("CRITICAL"),
} as const;

const loadOrganization = async (tx: Transaction, id: string, priority: TicketPriority) => {
  const statement = ORGANIZATION_FACTS[priority === "CRITICAL" ? "CRITICAL" : "NORMAL"];
  const found = firstRow<OrganizationFacts>(await tx.execute(statement({ organizationId: id })));
  if (!found) throw new DomainError("NOT_FOUND", "Organisation not found", { field: "organizationId" });
  return found;
};

/**
 * Run a statement inside an async call. Statements sent together (`Promise.all`) reach the
 * driver in the order their calls start only when each is awaited inside a call: a drizzle
 * query is sent when first awaited, and `Promise.all` awaits a bare one a step later than the
 * calls around it.
 */
const run = async (tx: Transaction, statement: SQL) => {
  await tx.execute(statement);
};

/**
 * Route and insert, with the audit row, the mail and notices, in one statement (usually).
 * ENTERPRISE and CUSTOM go to the organisation's account manager when an active staff user;
 * otherwise, for a tier routed round robin, to the next active SUPPORT agent in turn
 * (round-robin.ts), or else to the least-loaded one, ties going to the one assigned longest
 * ago (agent-load.ts). Quotas are checked on counts taken after their locks.
 */
const insertWithinQuotas = async (
  tx: Transaction,
  ticket: NewTicket,
  route: { manager: string | null; roundRobin: boolean },
  alongside: SQL[],
  now: Date,
) => {
  const tier = ticket.tier as Tier | null;
  const attempt = async (routing: SQL) => {
    const row = firstRow<InsertAttempt>(
      await tx.execute(insertRoutedTicket(routing, ticket, now, alongside)),
    );
    if (!row) throw new Error("the ticket insert returned no row");
    requireTicketQuotas(row, ticket.priority as TicketPriority);
    return row;
  };
  // the manager, when an active staff user who works tickets (a viewer does not)
  const managed = route.manager ? await attempt(userRouting(route.manager, now)) : null;
  if (managed?.inserted) return managed.taken;
  // The pool: the lock goes out with the insert, in the same round trip. The lock is awaited
  // first, so the insert's statement begins once the lock is ours.
  const pool = route.roundRobin && tier ? roundRobinRouting(tier, now) : agentRouting(now);
  const [, routed] = await Promise.all([run(tx, ROUTING_LOCK), attempt(pool)]);
  if (routed.inserted) return routed.taken;
  // the agent picked was disabled as the statement ran: the next statement no longer sees them
  const retried = await attempt(pool);
  if (!retried.inserted) throw new Error("the ticket was not inserted");
  return retried.taken;
};

/** A CRITICAL ticket notifies every active staff admin: a CTE writing from the inserted ticket. */
const adminNotices = (title: string, link: string, now: Date) => {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`notified as (
      insert into ${notifications} (user_id, kind, title, link, created_at, updated_at)
      select ${users.id}, 'ticket.critical', ${title}::text, ${link}::text, ${at}, ${at} from ${users}, inserted
      where ${isActiveStaffAdmin}
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
  const { row, calendar } = await ctx.db.transaction(
    async (tx): Promise<{ row: TicketRow; calendar: BusinessCalendar | null }> => {
      const organization = await loadOrganization(tx, organizationId, input.priority);
      const tier = (organization.tier as Tier | null) ?? null;
      const cap = tier === "CUSTOM" ? organization.cap : null;
      const manager = tier === "ENTERPRISE" || tier === "CUSTOM" ? organization.accountManagerId : null;
      const calendar = calendarOf(organization);
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
        pauseSpans: [],
        teamId: organization.teamId,
        tier,
        // replaced below by the due times in the team's calendar
        responseDueAt: now,
        resolutionDueAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      const clocks = slaOf(ticket, now, calendar);
      ticket.responseDueAt = clocks.firstResponse.dueAt ?? now;
      ticket.resolutionDueAt = clocks.resolution.dueAt;
      const reference = formatTicketNumber(ticket.number);
      const event = {
        action: "ticket.created",
        organizationId,
        targetType: "ticket",
        targetId: id,
        after: { reference, priority: input.priority },
        webhookSubscribed: organization.webhookSubscribed,
      };
      const mailFacts = {
        ticketId: id,
        reference,
        subject: input.subject,
        organizationName: organization.name,
      };
      const alongside = [
        auditInStatement(ctx, event, "inserted", sql`jsonb_build_object('assigneeId', inserted.assignee_id)`),
        ticketCreatedMail({ ...mailFacts, priority: input.priority }, now),
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
      const roundRobin = organization.routingMode === "ROUND_ROBIN";
      const assigneeId = await insertWithinQuotas(tx, ticket, { manager, roundRobin }, alongside, now);
      // files for the description; no statement at all without any
      await claimAttachments(
        tx,
        ctx,
        { ticketId: id, messageId: null, organizationId },
        input.attachmentIds ?? [],
      );
      // the audit row is written; the other consumers (webhooks, when one subscribes) run here
      await recordEvent(tx, ctx, { ...event, after: { ...event.after, assigneeId } }, [writeAuditEntry]);
      return { row: { ...ticket, assigneeId, assignedAt: assigneeId ? now : null }, calendar };
    },
  );
  return ticketView(row, now, calendar);
};
