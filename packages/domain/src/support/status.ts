import { DomainError } from "../errors.ts";

export const TICKET_STATUSES = ["OPEN", "IN_PROGRESS", "WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Open tickets: everything before RESOLVED. */
export const OPEN_TICKET_STATUSES = [
  "OPEN",
  "IN_PROGRESS",
  "WAITING_ON_CUSTOMER",
] as const satisfies readonly TicketStatus[];

const NEXT: Record<TicketStatus, readonly TicketStatus[]> = {
  OPEN: ["IN_PROGRESS"],
  IN_PROGRESS: ["WAITING_ON_CUSTOMER", "RESOLVED"],
  WAITING_ON_CUSTOMER: ["IN_PROGRESS"],
  // A customer reply reopens a resolved ticket; closing is final.
  RESOLVED: ["CLOSED", "IN_PROGRESS"],
  CLOSED: [],
};

/**
 * The status flow OPEN → IN_PROGRESS → WAITING_ON_CUSTOMER ⇄ IN_PROGRESS → RESOLVED →
 * CLOSED, with RESOLVED → IN_PROGRESS for a reopening reply. Anything else is refused,
 * naming the current status.
 */
export const assertTicketTransition = (from: TicketStatus, to: TicketStatus): void => {
  if (!NEXT[from].includes(to)) {
    throw new DomainError("TICKET_INVALID_TRANSITION", `A ${from} ticket cannot become ${to}`, {
      field: "status",
      currentStatus: from,
    });
  }
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
