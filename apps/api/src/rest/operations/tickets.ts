import {
  AssignTicketInput,
  ChangeTicketPriorityInput,
  ChangeTicketStatusInput,
  CursorQuery,
  ReplyInput,
  SupportStatsOutput,
  TicketId,
  TicketListOutput,
  TicketOutput,
  UsageRange,
} from "@tessera/domain";
import { onReplica } from "../../replica/read-db.ts";
import { getSupportStats } from "../../support/stats.ts";
import {
  assignTicket,
  changeTicketPriority,
  replyToTicket,
  updateTicketStatus,
} from "../../support/ticket-changes.ts";
import { breachedTicketsPage, openTicketsPage } from "../../support/ticket-pages.ts";
import { defineOperation } from "../operation.ts";

/**
 * The support desk's work over REST: queues, stats, replies, internal notes and ticket
 * changes. A service key acts on the staff side, named in the thread by its prefix and name.
 */
const staffRead = { service: "tickets:read" } as const;
const staffWrite = { service: "tickets:write" } as const;
const ticketPath = (ticket: { id: string }) => `/v1/tickets/${ticket.id}`;
const MessageBody = ReplyInput.pick({ body: true });

const openOperation = defineOperation({
  operationId: "tickets.listOpen",
  method: "GET",
  path: "/v1/tickets/open",
  tag: "support",
  summary: "Open tickets, most urgent due time first, in cursor pages",
  auth: staffRead,
  query: CursorQuery,
  response: TicketListOutput,
  handle: (call, input) => openTicketsPage(call.service, input),
});

const breachedOperation = defineOperation({
  operationId: "tickets.listBreached",
  method: "GET",
  path: "/v1/tickets/breached",
  tag: "support",
  summary: "Open tickets past a due time now, most overdue first, in cursor pages",
  auth: staffRead,
  query: CursorQuery,
  response: TicketListOutput,
  handle: (call, input) => breachedTicketsPage(call.service, input),
});

const statsOperation = defineOperation({
  operationId: "tickets.stats",
  method: "GET",
  path: "/v1/tickets/stats",
  tag: "support",
  summary: "Support at a glance: open tickets now; breach rate and medians for tickets created from–to",
  auth: staffRead,
  query: UsageRange,
  response: SupportStatsOutput,
  example: { from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" },
  handle: (call, input) => onReplica(call.ctx, (service) => getSupportStats(service, input), call.service),
});

const replyOperation = defineOperation({
  operationId: "tickets.reply",
  method: "POST",
  path: "/v1/tickets/{ticketId}/replies",
  tag: "support",
  summary: "Reply on a ticket: a service key as the support desk, an organisation key as the customer",
  auth: { service: "tickets:write", organization: "tickets:write" },
  params: TicketId,
  body: MessageBody,
  response: TicketOutput,
  status: 201,
  location: ticketPath,
  example: { body: "We have rolled back the change; please try again." },
  handle: (call, input) =>
    replyToTicket(
      call.service,
      input.ticketId,
      { body: input.body, internal: false },
      call.organizationId ?? undefined,
    ),
});

const noteOperation = defineOperation({
  operationId: "tickets.addNote",
  method: "POST",
  path: "/v1/tickets/{ticketId}/notes",
  tag: "support",
  summary: "Add an internal note, never shown to the organisation",
  auth: staffWrite,
  params: TicketId,
  body: MessageBody,
  response: TicketOutput,
  status: 201,
  location: ticketPath,
  example: { body: "Same root cause as SUP-000118." },
  handle: (call, input) => replyToTicket(call.service, input.ticketId, { body: input.body, internal: true }),
});

const assignOperation = defineOperation({
  operationId: "tickets.assign",
  method: "POST",
  path: "/v1/tickets/{ticketId}/assign",
  tag: "support",
  summary: "Assign to an active staff user, or unassign with null",
  auth: staffWrite,
  params: TicketId,
  body: AssignTicketInput.omit({ ticketId: true }),
  response: TicketOutput,
  handle: (call, input) => assignTicket(call.service, input.ticketId, input.assigneeId),
});

const statusOperation = defineOperation({
  operationId: "tickets.changeStatus",
  method: "POST",
  path: "/v1/tickets/{ticketId}/status",
  tag: "support",
  summary: "Move a ticket along its status flow (a forbidden move answers 409)",
  auth: staffWrite,
  params: TicketId,
  body: ChangeTicketStatusInput.omit({ ticketId: true }),
  response: TicketOutput,
  example: { status: "IN_PROGRESS" },
  handle: (call, input) => updateTicketStatus(call.service, input.ticketId, input.status),
});

const priorityOperation = defineOperation({
  operationId: "tickets.changePriority",
  method: "POST",
  path: "/v1/tickets/{ticketId}/priority",
  tag: "support",
  summary: "Change the priority: both due times are recomputed from creation",
  auth: staffWrite,
  params: TicketId,
  body: ChangeTicketPriorityInput.omit({ ticketId: true }),
  response: TicketOutput,
  example: { priority: "HIGH" },
  handle: (call, input) => changeTicketPriority(call.service, input.ticketId, input.priority),
});

export const TICKET_OPERATIONS = [
  openOperation,
  breachedOperation,
  statsOperation,
  replyOperation,
  noteOperation,
  assignOperation,
  statusOperation,
  priorityOperation,
];
