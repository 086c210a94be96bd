import type { BusinessSpan } from "@tessera/domain";

/** Spans as typed in the settings form: "09:00-12:00, 13:00-17:00"; nothing for a closed day. */
export const spansToText = (spans: readonly BusinessSpan[]) =>
  spans.map((span) => `${span.start}-${span.end}`).join(", ");

/** The typed spans, or null when a piece is not "start-end" (the schema then checks the times). */
export const textToSpans = (text: string): BusinessSpan[] | null => {
  const pieces = text
    .split(",")
    .map((piece) => piece.trim())
    .filter(Boolean);
  const spans = pieces.map((piece) => piece.split(/\s*[-–]\s*/));
  if (spans.some((parts) => parts.length !== 2)) return null;
  return spans.map(([start = "", end = ""]) => ({ start, end }));
};

/** Holidays as typed: dates separated by commas, spaces or lines. */
export const textToHolidays = (text: string) => text.split(/[\s,]+/).filter(Boolean);
