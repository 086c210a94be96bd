import { users } from "@tessera/db/schema";
import { and, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";

/** What customers read where a staff member acted: the person's name, never their address. */
const SUPPORT_TEAM = "Support team";

const staffName = (name: string | null | undefined) => (name?.trim() ? name : SUPPORT_TEAM);

interface ThreadMessage {
  authorKind: string;
  authorLabel: string;
  authorName: string | null;
}

interface TicketForCustomer<M extends ThreadMessage> {
  messages: M[];
  assignee: { id: string; name: string; email?: string } | null;
}

/**
 * A ticket's thread as a customer (or their organisation's key) reads it: staff authors and the
 * assignee by display name (the user's name, or "Support team" for a key or a removed user),
 * never an email. Customers' own labels stay: they are the organisation's own people and keys.
 */
export const threadForCustomer = <M extends ThreadMessage, T extends TicketForCustomer<M>>(
  ticket: T,
): Omit<T, "assignee"> & { assignee: { id: string; name: string } | null } => ({
  ...ticket,
  assignee: ticket.assignee ? { id: ticket.assignee.id, name: staffName(ticket.assignee.name) } : null,
  messages: ticket.messages.map((message) =>
    message.authorKind === "CUSTOMER"
      ? message
      : { ...message, authorLabel: staffName(message.authorName), authorName: staffName(message.authorName) },
  ),
});

interface Requested {
  requesterUserId: string | null;
  requesterLabel: string;
}

/**
 * Tickets as customers read them: one a staff member opened on their behalf names that person
 * by display name instead of `user:<email>` (one query for the whole list).
 */
export const requestersForCustomer = async <R extends Requested>(
  db: ServiceContext["db"],
  rows: R[],
): Promise<R[]> => {
  const ids = [...new Set(rows.flatMap((row) => (row.requesterUserId ? [row.requesterUserId] : [])))];
  if (ids.length === 0) return rows;
  const staff = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.kind, "STAFF")));
  const names = new Map(staff.map((user) => [user.id, user.name]));
  return rows.map((row) =>
    row.requesterUserId && names.has(row.requesterUserId)
      ? { ...row, requesterLabel: staffName(names.get(row.requesterUserId)) }
      : row,
  );
};
