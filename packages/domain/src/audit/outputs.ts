import { z } from "zod";

/** One audit entry as the REST API answers it: who did what to which record, and what changed. */
const AuditEventOutput = z.object({
  id: z.uuid(),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  actorUserId: z.uuid().nullable(),
  actorLabel: z.string().describe("`user:<email>`, `api-key:<prefix>` or `system:<job>`"),
  action: z.string().describe("dotted name, area first, e.g. `license.suspended`"),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe("the changed fields before, secrets redacted"),
  after: z.record(z.string(), z.unknown()).nullable().describe("the changed fields after, secrets redacted"),
  ip: z.string().nullable(),
  createdAt: z.date(),
});

export const AuditEventPageOutput = z.object({
  items: z.array(AuditEventOutput),
  nextCursor: z.string().nullable().describe("pass as cursor for the next page; null on the last page"),
});
