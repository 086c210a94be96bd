// Apart from the preferences schema (preferences.ts): the SPA formats dates with these without
// loading zod.

/**
 * The date formats a user may pick, as date-fns patterns: "5 Dec 2026", "Dec 5, 2026",
 * "2026-12-05", "12/05/2026", "05/12/2026".
 */
export const DATE_FORMATS = ["d MMM yyyy", "MMM d, yyyy", "yyyy-MM-dd", "MM/dd/yyyy", "dd/MM/yyyy"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/**
 * The format a locale writes dates in, among those offered: year first → ISO; month first →
 * the US ones (spelled, as dates read today); day first → "5 Dec 2026".
 */
export const defaultDateFormat = (locale: string | undefined): DateFormat => {
  const parts = new Intl.DateTimeFormat(locale, { year: "numeric", month: "numeric", day: "numeric" })
    .formatToParts(new Date(Date.UTC(2026, 11, 5)))
    .map((part) => part.type)
    .filter((type) => type === "year" || type === "month" || type === "day");
  if (parts[0] === "year") return "yyyy-MM-dd";
  return parts[0] === "month" ? "MMM d, yyyy" : "d MMM yyyy";
};

/** The month-first formats read 12-hour clocks ("2:05 PM"), the others 24-hour ("14:05"). */
const TWELVE_HOUR: readonly DateFormat[] = ["MMM d, yyyy", "MM/dd/yyyy"];

/** The date-fns patterns a format implies for a day, a month and a time of day. */
export const datePatterns = (format: DateFormat) => ({
  day: format,
  month: format === "yyyy-MM-dd" ? "yyyy-MM" : "MMMM yyyy",
  time: TWELVE_HOUR.includes(format) ? "h:mm a" : "HH:mm",
});
