import { z } from "zod";
import { dateInput } from "../date-input.ts";
import { PageInput } from "../pagination.ts";
import { textInput } from "../text-input.ts";
import { AttachmentIds } from "./attachments.ts";
import { TICKET_PRIORITIES } from "./sla.ts";
import { TICKET_STATUSES } from "./status.ts";

const TicketSubject = textInput()
  .min(1, { message: "is required" })
  .max(200, { message: "must be at most 200 characters" });
const MessageBody = textInput({ multiline: true })
  .min(1, { message: "is required" })
  .max(20_000, { message: "must be at most 20,000 characters" });

export const CreateTicketInput = z.object({
  subject: TicketSubject,
  description: MessageBody,
  priority: z.enum(TICKET_PRIORITIES).default("NORMAL"),
});
export type CreateTicketInput = z.input<typeof CreateTicketInput>;

/** A customer's new ticket in the portal, with files uploaded beforehand. */
export const PortalCreateTicketInput = CreateTicketInput.extend({ attachmentIds: AttachmentIds });
export type PortalCreateTicketInput = z.input<typeof PortalCreateTicketInput>;

/** Staff open tickets for any organisation. */
export const StaffCreateTicketInput = CreateTicketInput.extend({ organizationId: z.uuid() });
export type StaffCreateTicketInput = z.input<typeof StaffCreateTicketInput>;

export const TicketId = z.object({ ticketId: z.uuid() });
export type TicketId = z.input<typeof TicketId>;

export const NotificationId = z.object({ notificationId: z.uuid() });
export type NotificationId = z.input<typeof NotificationId>;

export const ReplyInput = TicketId.extend({
  body: MessageBody,
  /** Internal notes are for staff only. */
  internal: z.boolean().default(false),
  /** Files uploaded beforehand (`POST /support/attachments`), attached to this message. */
  attachmentIds: AttachmentIds,
});
export type ReplyInput = z.input<typeof ReplyInput>;

export const ChangeTicketStatusInput = TicketId.extend({ status: z.enum(TICKET_STATUSES) });
export type ChangeTicketStatusInput = z.input<typeof ChangeTicketStatusInput>;

export const ChangeTicketPriorityInput = TicketId.extend({ priority: z.enum(TICKET_PRIORITIES) });
export type ChangeTicketPriorityInput = z.input<typeof ChangeTicketPriorityInput>;

export const AssignTicketInput = TicketId.extend({ assigneeId: z.uuid().nullable() });
export type AssignTicketInput = z.input<typeof AssignTicketInput>;

export const TICKET_QUEUE_SORTS = ["dueAt", "createdAt", "priority"] as const;
export const TICKET_SLA_FILTERS = ["BREACHED", "AT_RISK", "BREACHED_EVER"] as const;

/**
 * The support desk's standing views: open tickets assigned to the viewer, open tickets no
 * one holds, open tickets whose response or resolution clock is at risk or breached,
 * tickets waiting on the customer, every open ticket.
 */
export const TICKET_VIEWS = ["MINE", "UNASSIGNED", "BREACHING", "WAITING", "ALL_OPEN"] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];

export const TicketQueueInput = PageInput.extend({
  /** A standing view; the filters below narrow it further. */
  view: z.enum(TICKET_VIEWS).optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  assigneeId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  /** BREACHED and AT_RISK: open tickets past or close to a due time now; BREACHED_EVER: any ticket that breached its SLA. */
  sla: z.enum(TICKET_SLA_FILTERS).optional(),
  /** Tickets opened at or after this instant. */
  createdFrom: dateInput().optional(),
  /** Only tickets not yet resolved. */
  openOnly: z.boolean().optional(),
  sort: z.enum(TICKET_QUEUE_SORTS).default("dueAt"),
  /** Absent: each sort's own order (soonest due, most urgent, newest first); `desc` turns due and priority round. */
  direction: z.enum(["asc", "desc"]).optional(),
});
export type TicketQueueInput = z.input<typeof TicketQueueInput>;

/** What the portal's ticket list sorts by: opened, priority (most urgent first) and status (workflow order). */
export const CUSTOMER_TICKET_SORTS = ["createdAt", "priority", "status"] as const;
export type CustomerTicketSort = (typeof CUSTOMER_TICKET_SORTS)[number];

/** A customer's own tickets (`support.mine`): the organisation is the caller's, never an input. */
export const CustomerTicketListInput = PageInput.extend({
  status: z.enum(TICKET_STATUSES).optional(),
  sort: z.enum(CUSTOMER_TICKET_SORTS).default("createdAt"),
  /** Absent: each sort's own order (newest first, most urgent first, open first). */
  direction: z.enum(["asc", "desc"]).optional(),
});
export type CustomerTicketListInput = z.input<typeof CustomerTicketListInput>;
