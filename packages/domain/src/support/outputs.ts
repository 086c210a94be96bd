import { z } from "zod";
import { TICKET_PRIORITIES } from "./sla.ts";
import { TICKET_STATUSES } from "./status.ts";

const ClockOutput = z.object({
  targetMs: z.number(),
  dueAt: z.date().nullable(),
  remainingMs: z.number(),
  met: z.boolean(),
  breached: z.boolean(),
  atRisk: z.boolean(),
  paused: z.boolean(),
});

/** A ticket as the REST API answers it. */
export const TicketOutput = z.object({
  id: z.uuid(),
  reference: z.string().describe("SUP-000123"),
  organizationId: z.uuid(),
  subject: z.string(),
  priority: z.enum(TICKET_PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  assigneeId: z.uuid().nullable(),
  createdAt: z.date(),
  responseDueAt: z.date(),
  sla: z.object({ firstResponse: ClockOutput, resolution: ClockOutput }),
});

/** A row of a ticket list: the ticket with the names a queue shows. */
const TicketListItemOutput = TicketOutput.extend({
  organizationName: z.string(),
  assigneeName: z.string().nullable(),
});

export const TicketListOutput = z.object({
  items: z.array(TicketListItemOutput),
  nextCursor: z.string().nullable().describe("pass as cursor for the next page; null on the last page"),
});

const TicketMessageOutput = z.object({
  id: z.uuid(),
  authorKind: z.enum(["STAFF", "CUSTOMER", "SYSTEM"]),
  authorLabel: z
    .string()
    .describe(
      "user:<email>, or api-key:<prefix> (<key name>) when a key wrote it; an organisation's key reads staff authors by name only (or Support team)",
    ),
  body: z.string(),
  internal: z.boolean().describe("an internal note: staff only, never shown to the organisation"),
  createdAt: z.date(),
});

/** A ticket with its thread, oldest first; an organisation's key gets no internal notes. */
export const TicketDetailOutput = TicketOutput.extend({
  description: z.string(),
  requesterLabel: z
    .string()
    .describe(
      "who opened it: user:<email> or api-key:<prefix> (<key name>); a staff member's name only for an organisation's key",
    ),
  organizationName: z.string(),
  firstRespondedAt: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  updatedAt: z.date(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  messages: z.array(TicketMessageOutput),
  slaEvents: z.array(
    z.object({
      clock: z.string().describe("FIRST_RESPONSE or RESOLUTION"),
      kind: z.string().describe("AT_RISK or BREACHED"),
      dueAt: z.date().nullable(),
      createdAt: z.date(),
    }),
  ),
});

const CountsBy = (keys: readonly [string, ...string[]]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.number().int()])));

/** Support at a glance (open tickets now; breach rate and medians for tickets created in the period). */
export const SupportStatsOutput = z.object({
  openByPriority: CountsBy(TICKET_PRIORITIES),
  byStatus: CountsBy(TICKET_STATUSES),
  period: z.object({ from: z.date(), to: z.date(), created: z.number().int() }),
  breached: z.number().int().describe("tickets created in the period whose SLA was breached"),
  breachRate: z.number().describe("breached / created, 0 when none were created"),
  medianMinutesToFirstResponse: z.number().nullable(),
  medianMinutesToResolution: z.number().nullable().describe("time waiting on the customer excluded"),
  agentLoad: z.array(z.object({ assigneeId: z.uuid(), name: z.string(), open: z.number().int() })),
  satisfaction: z
    .object({
      rated: z.number().int(),
      good: z.number().int(),
      goodShare: z.number().nullable().describe("good / rated, null when nothing was rated"),
    })
    .describe("customer ratings given (or last changed) in the period"),
});
