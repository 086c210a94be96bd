import {
  CreateTicketInput,
  CursorQuery,
  DomainError,
  TicketDetailOutput,
  TicketId,
  TicketListOutput,
  TicketOutput,
  TicketQueueInput,
} from "@tessera/domain";
import { z } from "zod";
import { createTicket } from "../../support/create-ticket.ts";
import { pageTickets } from "../../support/ticket-pages.ts";
import { getTicket } from "../../support/ticket-queries.ts";
import { deprecatedAlias } from "../alias.ts";
import { defineOperation, type RestCall } from "../operation.ts";
import { organizationFilter, organizationInScope, QueryBoolean } from "../tenancy.ts";

/**
 * Opening, listing and reading tickets. Staff service keys reach every organisation; an
 * organisation's key only its own tickets (another's answers 404) and never internal notes.
 */
const readers = { service: "tickets:read", organization: "tickets:read" } as const;

/** An organisation key reads only its own tickets (and no internal notes); a service key any. */
const ownScope = (call: RestCall) => call.organizationId ?? undefined;

/** The organisation a new ticket belongs to: the key's own, or the one a service key names. */
const ticketOrganization = (call: RestCall, requested: string | undefined): string => {
  if (call.organizationId !== null) return organizationInScope(call, requested ?? call.organizationId);
  if (!requested) {
    throw new DomainError("VALIDATION_FAILED", "organizationId is required with a service key", {
      field: "organizationId",
    });
  }
  return requested;
};

const createOperation = defineOperation({
  operationId: "tickets.create",
  method: "POST",
  path: "/v1/tickets",
  tag: "support",
  summary: "Open a support ticket (a service key names the organisation)",
  auth: { service: "tickets:write", organization: "tickets:write" },
  body: CreateTicketInput.extend({
    organizationId: z
      .uuid()
      .optional()
      .describe("required with a service key; an organisation key opens tickets for its own organisation"),
  }),
  response: TicketOutput,
  status: 201,
  location: (ticket) => `/v1/tickets/${ticket.id}`,
  example: {
    subject: "Sign-in loop",
    description: "Learners bounce back to sign-in since 09:00",
    priority: "HIGH",
  },
  handle: (call, input) => createTicket(call.service, ticketOrganization(call, input.organizationId), input),
});

const TicketListQuery = CursorQuery.extend({
  ...TicketQueueInput.pick({
    status: true,
    priority: true,
    assigneeId: true,
    sla: true,
    createdFrom: true,
  }).shape,
  organizationId: z.uuid().optional().describe("service keys; an organisation key always lists its own"),
  openOnly: QueryBoolean.optional().describe("only tickets not yet resolved"),
  sort: z
    .enum(["createdAt", "dueAt"])
    .default("createdAt")
    .describe("createdAt: newest first; dueAt: most urgent first, tickets without a due time last"),
});

const listOperation = defineOperation({
  operationId: "tickets.list",
  method: "GET",
  path: "/v1/tickets",
  tag: "support",
  summary: "Tickets with the support queue's filters, in cursor pages",
  auth: readers,
  query: TicketListQuery,
  response: TicketListOutput,
  example: { status: "OPEN", sla: "BREACHED", sort: "dueAt", limit: 50 },
  handle: (call, { limit, cursor, sort, ...filters }) =>
    pageTickets(
      call.service,
      { ...filters, organizationId: organizationFilter(call, filters.organizationId) },
      { limit, cursor },
      sort,
    ),
});

const getOperation = defineOperation({
  operationId: "tickets.get",
  method: "GET",
  path: "/v1/tickets/{ticketId}",
  tag: "support",
  summary: "A ticket with its thread (an organisation key sees no internal notes)",
  auth: readers,
  params: TicketId,
  response: TicketDetailOutput,
  handle: (call, input) => getTicket(call.service, input.ticketId, ownScope(call)),
});

export const TICKET_CORE_OPERATIONS = [
  createOperation,
  listOperation,
  getOperation,
  deprecatedAlias(createOperation, "POST", "/enterprise/support/tickets", {
    summary: "Open a support ticket for the key's organisation",
    auth: { organization: "tickets:write" },
    body: CreateTicketInput,
    status: 200,
    location: undefined,
  }),
];
