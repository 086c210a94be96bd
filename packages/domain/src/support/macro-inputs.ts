import { z } from "zod";
import { textInput } from "../text-input.ts";
import { unknownPlaceholderMessage, unknownPlaceholders } from "./macros.ts";
import { TICKET_PRIORITIES } from "./sla.ts";

/** The statuses a macro may move a ticket to: never back to OPEN, which nothing returns to. */
export const MACRO_STATUSES = ["IN_PROGRESS", "WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED"] as const;

const MacroTitle = textInput()
  .min(1, { message: "is required" })
  .max(120, { message: "must be at most 120 characters" });
/** Shorter than a reply's 20,000, so that a rendered body stays within a reply's limit in practice. */
const MacroBody = textInput({ multiline: true })
  .min(1, { message: "is required" })
  .max(10_000, { message: "must be at most 10,000 characters" })
  .superRefine((body, check) => {
    const unknown = unknownPlaceholders(body);
    if (unknown.length > 0) check.addIssue({ code: "custom", message: unknownPlaceholderMessage(unknown) });
  });

export const CreateMacroInput = z.object({
  title: MacroTitle,
  body: MacroBody,
  /** The status the ticket moves to after the reply; null leaves it as the reply leaves it. */
  setStatus: z.enum(MACRO_STATUSES).nullable().default(null),
  setPriority: z.enum(TICKET_PRIORITIES).nullable().default(null),
});
export type CreateMacroInput = z.input<typeof CreateMacroInput>;

export const MacroId = z.object({ macroId: z.uuid() });
export type MacroId = z.input<typeof MacroId>;

export const UpdateMacroInput = CreateMacroInput.extend(MacroId.shape);
export type UpdateMacroInput = z.input<typeof UpdateMacroInput>;

export const ListMacrosInput = z.object({ includeArchived: z.boolean().default(false) });
export type ListMacrosInput = z.input<typeof ListMacrosInput>;

export const ApplyMacroInput = MacroId.extend({
  ticketId: z.uuid(),
  /** The ticket's version the agent saw: applying again with it is refused, never posted twice. */
  version: z.number().int().min(1),
});
export type ApplyMacroInput = z.input<typeof ApplyMacroInput>;
