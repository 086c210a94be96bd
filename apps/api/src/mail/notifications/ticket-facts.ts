import type { Executor } from "@tessera/db";
import { organizations, tickets, users } from "@tessera/db/schema";
import { formatTicketNumber } from "@tessera/domain";
import { eq } from "drizzle-orm";
import type { Recipient } from "../queue.ts";

/** What every support mail says of its ticket, with its assignee as a recipient when active — in one query. */
export const ticketFacts = async (executor: Executor, ticketId: string) => {
  const [row] = await executor
    .select({
      id: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      priority: tickets.priority,
      organizationId: tickets.organizationId,
      requesterUserId: tickets.requesterUserId,
      organizationName: organizations.name,
      assigneeId: users.id,
      assigneeEmail: users.email,
      assigneeName: users.name,
      assigneeDisabledAt: users.disabledAt,
    })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .leftJoin(users, eq(users.id, tickets.assigneeId))
    .where(eq(tickets.id, ticketId));
  if (!row) return null;
  const assignee: Recipient[] =
    row.assigneeId && row.assigneeEmail && !row.assigneeDisabledAt
      ? [{ email: row.assigneeEmail, userId: row.assigneeId }]
      : [];
  return {
    ...row,
    assignee,
    mailData: {
      ticketId: row.id,
      reference: formatTicketNumber(row.number),
      subject: row.subject,
      organizationName: row.organizationName,
    },
  };
};
