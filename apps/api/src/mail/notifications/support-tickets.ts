import type { Executor } from "@tessera/db";
import { ticketMessages, users } from "@tessera/db/schema";
import type { TicketPriority } from "@tessera/domain";
import { eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../../context.ts";
import type { DomainEvent } from "../../events/domain-event.ts";
import { renderedOnce } from "../../raw-rows.ts";
import { queueMail, queueMailInStatement } from "../queue.ts";
import { activeUsers, isActiveStaffAdmin } from "../recipients.ts";
import { ticketFacts } from "./ticket-facts.ts";

type Facts = NonNullable<Awaited<ReturnType<typeof ticketFacts>>>;

/** Staff mail wears Tessera's branding (organisation null), not the customer's. */
const STAFF_MAIL = { organizationId: null, category: "SUPPORT" } as const;

/** A new ticket, as createTicket knows it before its insert. */
interface NewTicketFacts {
  ticketId: string;
  reference: string;
  subject: string;
  organizationName: string;
  priority: TicketPriority;
}

const ASSIGNEE_OF_INSERTED = renderedOnce(sql`select ${users.id} as id, ${users.email} as email from ${users}
    join inserted on ${users.id} = inserted.assignee_id where ${users.disabledAt} is null`);
const ACTIVE_ADMINS = renderedOnce(
  sql`select ${users.id} as id, ${users.email} as email from ${users} where ${isActiveStaffAdmin}`,
);
const ASSIGNEE_NAME = renderedOnce(sql`jsonb_build_object('assigneeName', (select ${users.name} from ${users}
    join inserted on ${users.id} = inserted.assignee_id))`);

/**
 * A new ticket's mail, as a CTE of createTicket's insert, whose CTE `inserted` holds the
 * ticket's `assignee_id`: its agent hears of it; a CRITICAL one goes to every active staff
 * admin and the agent, once each. Queued in the insert, the ticket's hottest path spends no
 * statement on it, so `mailSupportTicket` leaves `ticket.created` alone.
 */
export const ticketCreatedMail = (facts: NewTicketFacts, now: Date) => {
  const { priority, ...mailData } = facts;
  if (priority !== "CRITICAL")
    return queueMailInStatement(
      now,
      { ...STAFF_MAIL, template: "ticket-assigned", data: { ...mailData, priority } },
      ASSIGNEE_OF_INSERTED,
    );
  return queueMailInStatement(
    now,
    { ...STAFF_MAIL, template: "ticket-critical", data: { ...mailData, assigneeName: null } },
    sql`select distinct on (lower(email)) id, email from (${ACTIVE_ADMINS} union all ${ASSIGNEE_OF_INSERTED}) as everyone
      order by lower(email)`,
    ASSIGNEE_NAME,
  );
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
 * Support mail for tickets (a new ticket's is queued by its insert: ticketCreatedMail): a
 * ticket assigned to someone else than the one assigning, a public staff reply to the
 * requester. Internal notes (`ticket.note_added`) send nothing.
 */
export const mailSupportTicket = async (executor: Executor, ctx: ServiceContext, event: DomainEvent) => {
  if (event.targetType !== "ticket" || !event.targetId) return;
  const after = event.after ?? {};
  const wanted =
    (event.action === "ticket.assigned" && after.assigneeId && after.assigneeId !== ctx.actor?.userId) ||
    (event.action === "ticket.replied" && typeof after.messageId === "string");
  if (!wanted) return; // most events of the hottest write path cost no query
  const facts = await ticketFacts(executor, event.targetId);
  if (!facts) return;
  if (event.action === "ticket.replied") return staffReplied(executor, ctx, facts, String(after.messageId));
  await queueMail(executor, ctx.clock.now(), {
    ...STAFF_MAIL,
    template: "ticket-assigned",
    data: { ...facts.mailData, priority: facts.priority },
    to: facts.assignee,
  });
};
