import { z } from "zod";
import { textInput } from "../text-input.ts";

export const TicketSearchInput = z.object({
  query: textInput()
    .min(1, { message: "is required" })
    .max(200, { message: "must be at most 200 characters" }),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TicketSearchInput = z.input<typeof TicketSearchInput>;

/** At most this many words count; more only make the query slower, not better. */
const MAX_TERMS = 8;

/** `SUP-000123`, `sup-123`, `#123` or `123`: a ticket number. */
const TICKET_NUMBER = /^(?:sup-?|#)?0*(\d{1,15})$/i;

/**
 * What a search box's text asks for: a ticket number when it reads as one, and the words to
 * find in subjects, descriptions and messages (letters and digits only, lower-cased, so that
 * nothing reaches the full-text query syntax; each word matched as a prefix).
 */
export const parseTicketSearch = (query: string): { number: number | null; terms: string[] } => {
  const trimmed = query.trim();
  const numberMatch = TICKET_NUMBER.exec(trimmed);
  const number = numberMatch?.[1] ? Number(numberMatch[1]) : null;
  const words = trimmed.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = [...new Set(words)].slice(0, MAX_TERMS);
  return { number: number !== null && Number.isSafeInteger(number) ? number : null, terms };
};
