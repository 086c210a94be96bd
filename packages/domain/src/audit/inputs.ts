import { z } from "zod";
import { dateInput } from "../date-input.ts";
import { CursorQuery, PageInput } from "../pagination.ts";
import { textInput } from "../text-input.ts";

export const AuditFilter = PageInput.extend({
  organizationId: z.uuid().optional(),
  action: textInput().max(100).optional(),
  actorId: z.uuid().optional(),
  targetType: textInput().max(50).optional(),
  targetId: textInput().max(100).optional(),
  from: dateInput().optional(),
  to: dateInput().optional(),
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
