import { DomainError } from "../errors.ts";
import { utcDay } from "./metrics.ts";

const DAY = 86_400_000;
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The report ranges a customer picks by name; a month is picked as `YYYY-MM`. */
export const USAGE_PERIOD_PRESETS = {
  "last-7": "Last 7 days",
  "last-30": "Last 30 days",
  "last-90": "Last 90 days",
  "this-month": "This month",
  "last-month": "Last month",
} as const;
type UsagePeriodPreset = keyof typeof USAGE_PERIOD_PRESETS;

interface DayRange {
  from: string;
  to: string;
}

const lastDaysUntil = (days: number, now: Date): DayRange => ({
  from: utcDay(new Date(now.getTime() - (days - 1) * DAY)),
  to: utcDay(now),
});

/** A UTC month's days, the current month only up to today; null for a month still ahead. */
const monthRange = (year: number, month: number, now: Date): DayRange | null => {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const today = utcDay(now);
  if (utcDay(first) > today) return null;
  const last = Math.min(Date.UTC(year, month, 0), now.getTime());
  return { from: utcDay(first), to: utcDay(new Date(last)) };
};

const isPreset = (period: string): period is UsagePeriodPreset => Object.hasOwn(USAGE_PERIOD_PRESETS, period);

/**
 * The UTC days a named period covers at `now`: a preset (today included) or a month
 * (`2026-03`). Null for anything else, and for a month that has not begun.
 */
export const usagePeriodRange = (period: string, now: Date): DayRange | null => {
  if (isPreset(period)) {
    if (period === "this-month") return monthRange(now.getUTCFullYear(), now.getUTCMonth() + 1, now);
    if (period === "last-month") return monthRange(now.getUTCFullYear(), now.getUTCMonth(), now);
    return lastDaysUntil(Number(period.slice("last-".length)), now);
  }
  const month = MONTH_PATTERN.exec(period);
  return month ? monthRange(Number(month[1]), Number(month[2]), now) : null;
};

/**
 * The months a customer may pick, newest first: from the month of `first` (the first day with
 * data, or the license's start) to the current one, at most `max`; just the current month
 * when there is nothing yet.
 */
export const usageMonths = (first: string | null, now: Date, max = 36): string[] => {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const start =
    first && first <= utcDay(now) ? Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1 : current;
  const months: string[] = [];
  for (let index = current; index >= start && months.length < max; index--) {
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
  }
  return months;
};

/** The first end of a range past today (UTC), with what to say; null when neither is. */
export const rangeAfterToday = (
  range: { from: Date | string; to: Date | string },
  now: Date,
): { field: "from" | "to"; message: string } | null => {
  const today = utcDay(now);
  for (const field of ["from", "to"] as const) {
    const value = range[field];
    const day = typeof value === "string" ? value.slice(0, 10) : utcDay(value);
    if (day > today) return { field, message: `must not be after today (${today}, UTC)` };
  }
  return null;
};

/** Refuses a report range reaching past today (UTC), naming the field. */
export const checkRangeNotFuture = (range: { from: Date; to: Date }, now: Date): void => {
  const refusal = rangeAfterToday(range, now);
  if (refusal) throw new DomainError("VALIDATION_FAILED", refusal.message, { field: refusal.field });
};
