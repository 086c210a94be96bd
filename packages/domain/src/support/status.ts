import { DomainError } from "../errors.ts";

export const TICKET_STATUSES = ["OPEN", "IN_PROGRESS", "WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Open tickets: everything before RESOLVED. */
export const OPEN_TICKET_STATUSES = [
  "OPEN",
  "IN_PROGRESS",
  "WAITING_ON_CUSTOMER",
] as const satisfies readonly TicketStatus[];

/** Who moves a ticket: the support desk, or the customer's organisation. */
export type TicketActor = "STAFF" | "CUSTOMER";

/**
 * Staff moves. Any open ticket may be started, put to waiting on the customer, resolved or
 * closed (spam, duplicates); a resolved one closed or reopened; closing is final.
 */
const STAFF_NEXT: Record<TicketStatus, readonly TicketStatus[]> = {
  OPEN: ["IN_PROGRESS", "WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED"],
  IN_PROGRESS: ["WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED"],
  WAITING_ON_CUSTOMER: ["IN_PROGRESS", "RESOLVED", "CLOSED"],
  RESOLVED: ["CLOSED", "IN_PROGRESS"],
  CLOSED: [],
};

/**
 * Customer moves: say an open ticket is solved, then close it. Anything else a customer does
 * through a reply (which reopens or resumes, see `statusAfterReply`).
 */
const CUSTOMER_NEXT: Record<TicketStatus, readonly TicketStatus[]> = {
  OPEN: ["RESOLVED"],
  IN_PROGRESS: ["RESOLVED"],
  WAITING_ON_CUSTOMER: ["RESOLVED"],
  RESOLVED: ["CLOSED"],
  CLOSED: [],
};

const NEXT: Record<TicketActor, Record<TicketStatus, readonly TicketStatus[]>> = {
  STAFF: STAFF_NEXT,
  CUSTOMER: CUSTOMER_NEXT,
};

/** The statuses `by` may move a `from` ticket to, in flow order. */
export const nextTicketStatuses = (from: TicketStatus, by: TicketActor): readonly TicketStatus[] =>
  NEXT[by][from];

/**
 * Refuse a move `by` may not make, naming the current status: a move no one may make is an
 * invalid transition (409); a staff-only move asked by a customer is forbidden (403).
 */
export const assertTicketTransition = (from: TicketStatus, to: TicketStatus, by: TicketActor): void => {
  if (NEXT[by][from].includes(to)) return;
  if (by === "CUSTOMER" && STAFF_NEXT[from].includes(to)) {
    throw new DomainError(
      "FORBIDDEN",
      `Customers cannot move a ${from} ticket to ${to}; the support team does`,
      {
        field: "status",
        currentStatus: from,
      },
    );
  }
  throw new DomainError("TICKET_INVALID_TRANSITION", `A ${from} ticket cannot become ${to}`, {
    field: "status",
    currentStatus: from,
  });
};

/** The status a reply leaves: a customer's reply reopens or resumes; a staff reply starts work. */
export const statusAfterReply = (current: TicketStatus, author: "STAFF" | "CUSTOMER"): TicketStatus => {
  if (current === "CLOSED") {
    throw new DomainError("TICKET_INVALID_TRANSITION", "A CLOSED ticket takes no replies", {
      field: "ticketId",
      currentStatus: current,
    });
  }
  if (author === "CUSTOMER")
    return current === "RESOLVED" || current === "WAITING_ON_CUSTOMER" ? "IN_PROGRESS" : current;
  return current === "OPEN" ? "IN_PROGRESS" : current;
};

/** The number people quote: `SUP-000123`. */
export const formatTicketNumber = (value: number): string => `SUP-${String(value).padStart(6, "0")}`;
