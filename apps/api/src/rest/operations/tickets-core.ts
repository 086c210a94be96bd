import { CreateTicketInput, TicketOutput } from "@tessera/domain";
import { createTicket } from "../../support/create-ticket.ts";
import { deprecatedAlias } from "../alias.ts";
import { defineOperation } from "../operation.ts";

/** The platform opens tickets for its organisation with a `tickets:write` key. */
const createOperation = defineOperation({
  operationId: "tickets.create",
  method: "POST",
  path: "/v1/tickets",
  tag: "support",
  summary: "Open a support ticket for the key's organisation",
  auth: { organization: "tickets:write" },
  body: CreateTicketInput,
  response: TicketOutput,
  status: 201,
  location: (ticket) => `/v1/tickets/${ticket.id}`,
  example: {
    subject: "Sign-in loop",
    description: "Learners bounce back to sign-in since 09:00",
    priority: "HIGH",
  },
  handle: (call, input) => createTicket(call.service, call.organizationId ?? "", input),
});

export const TICKET_CORE_OPERATIONS = [
  createOperation,
  deprecatedAlias(createOperation, "POST", "/enterprise/support/tickets", {
    status: 200,
    location: undefined,
  }),
];
