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
