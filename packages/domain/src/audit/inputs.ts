import { z } from "zod";
import { dateInput } from "../date-input.ts";
import { CursorQuery, PageInput } from "../pagination.ts";
import { textInput } from "../text-input.ts";

/** What the audit log sorts by on the server: the time (newest first by default) or the action's code. */
export const AUDIT_SORTS = ["createdAt", "action"] as const;

export const AuditFilter = PageInput.extend({
  organizationId: z.uuid().optional(),
  action: textInput().max(100).optional(),
  actorId: z.uuid().optional(),
  targetType: textInput().max(50).optional(),
  targetId: textInput().max(100).optional(),
  from: dateInput().optional(),
  to: dateInput().optional(),
  sort: z.enum(AUDIT_SORTS).default("createdAt"),
  direction: z.enum(["asc", "desc"]).default("desc"),
}).refine((input) => !input.from || !input.to || input.from <= input.to, {
  message: "must not be before from",
  path: ["to"],
});
export type AuditFilter = z.input<typeof AuditFilter>;

/** The REST audit log: cursor pages, newest first, filtered by organisation, action and time. */
export const AuditCursorQuery = CursorQuery.extend({
  organizationId: z.uuid().optional().describe("service keys only; an organisation key always reads its own"),
  action: textInput()
    .max(100)
    .optional()
    .describe("an action or its prefix: `license.` finds every license action"),
  from: dateInput().optional(),
  to: dateInput().optional(),
}).refine((input) => !input.from || !input.to || input.from <= input.to, {
  message: "must not be before from",
  path: ["to"],
});
export type AuditCursorQuery = z.input<typeof AuditCursorQuery>;
