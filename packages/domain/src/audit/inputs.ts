import { z } from "zod";
import { PageInput } from "../pagination.ts";

export const AuditFilter = PageInput.extend({
  organizationId: z.uuid().optional(),
  action: z.string().trim().max(100).optional(),
  actorId: z.uuid().optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
}).refine((input) => !input.from || !input.to || input.from <= input.to, {
  message: "must not be before from",
  path: ["to"],
});
export type AuditFilter = z.input<typeof AuditFilter>;
