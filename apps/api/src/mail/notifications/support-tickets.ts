import type { Executor } from "@tessera/db";
import { ticketMessages, users } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../context.ts";
import type { DomainEvent } from "../../events/domain-event.ts";
import { queueMail } from "../queue.ts";
import { activeUsers, staffAdmins } from "../recipients.ts";
import { ticketFacts } from "./ticket-facts.ts";

type Facts = NonNullable<Awaited<ReturnType<typeof ticketFacts>>>;

/** Staff mail wears Tessera's branding (organisation null), not the customer's. */
const STAFF_MAIL = { organizationId: null, category: "SUPPORT" } as const;

/** A new ticket: its agent hears of it; a CRITICAL one goes to every staff admin and the agent, once each. */
const ticketCreated = async (executor: Executor, ctx: ServiceContext, facts: Facts) => {
  if (facts.priority === "CRITICAL") {
    await queueMail(executor, ctx.clock.now(), {
      ...STAFF_MAIL,
      template: "ticket-critical",
      data: { ...facts.mailData, assigneeName: facts.assigneeId ? facts.assigneeName : null },
      to: [...(await staffAdmins(executor)), ...facts.assignee],
    });
    return;
  }
  await queueMail(executor, ctx.clock.now(), {
    ...STAFF_MAIL,
    template: "ticket-assigned",
    data: { ...facts.mailData, priority: facts.priority },
    to: facts.assignee,
  });
};

/** A public staff reply: the requester hears it, signed with the agent's name, never their address. */
const staffReplied = async (executor: Executor, ctx: ServiceContext, facts: Facts, messageId: string) => {
  const [message] = await executor
    .select({
      authorKind: ticketMessages.authorKind,
      internal: ticketMessages.internal,
      body: ticketMessages.body,
      authorName: users.name,
    })
    .from(ticketMessages)
    .leftJoin(users, eq(users.id, ticketMessages.authorUserId))
    .where(eq(ticketMessages.id, messageId));
  if (message?.authorKind !== "STAFF" || message.internal) return;
  await queueMail(executor, ctx.clock.now(), {
    template: "ticket-reply",
    data: { ...facts.mailData, authorName: message.authorName ?? "The support team", body: message.body },
    to: await activeUsers(executor, [facts.requesterUserId], "CUSTOMER"),
    organizationId: facts.organizationId,
    category: "SUPPORT",
  });
};

/**
 * Support mail for tickets: a new ticket to its agent (CRITICAL to every staff admin too), a
 * ticket assigned to someone else than the one assigning, a public staff reply to the
 * requester. Internal notes (`ticket.note_added`) send nothing.
 */
export const mailSupportTicket = async (executor: Executor, ctx: ServiceContext, event: DomainEvent) => {
  if (event.targetType !== "ticket" || !event.targetId) return;
  const after = event.after ?? {};
  const wanted =
    (event.action === "ticket.created" && (after.assigneeId || after.priority === "CRITICAL")) ||
    (event.action === "ticket.assigned" && after.assigneeId && after.assigneeId !== ctx.actor?.userId) ||
    (event.action === "ticket.replied" && typeof after.messageId === "string");
  if (!wanted) return; // most events of the hottest write path cost no query
  const facts = await ticketFacts(executor, event.targetId);
  if (!facts) return;
  if (event.action === "ticket.created") return ticketCreated(executor, ctx, facts);
  if (event.action === "ticket.replied") return staffReplied(executor, ctx, facts, String(after.messageId));
  await queueMail(executor, ctx.clock.now(), {
    ...STAFF_MAIL,
    template: "ticket-assigned",
    data: { ...facts.mailData, priority: facts.priority },
    to: facts.assignee,
  });
};
