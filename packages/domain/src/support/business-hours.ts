import { DomainError } from "../errors.ts";

/**
 * Business hours: a support team's calendar (an IANA time zone, weekly opening spans in local
 * time, local holidays) and the two sums SLA clocks need — add business time to an instant,
 * and count the business time between two instants. Local times become instants through
 * `Intl` (the runtime's tz database), so a daylight-saving change moves the spans' instants
 * as it moves the office's clocks. `null` as a calendar means around the clock (24×7).
 */

export const WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening span of a day, `[start, end)` as local "HH:MM" ("24:00" ends at midnight). */
export interface BusinessSpan {
  start: string;
  end: string;
}

export interface BusinessCalendar {
  timeZone: string;
  weeklyHours: Record<Weekday, readonly BusinessSpan[]>;
  /** Local dates ("YYYY-MM-DD") on which the team does not work. */
  holidays: readonly string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Date.getUTCDay() (Sunday first) to our Monday-first weekdays. */
const BY_UTC_DAY: readonly Weekday[] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** "HH:MM" to minutes after midnight. */
export const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

// One formatter per zone: building one costs far more than using it.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string) => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The zone's wall clock at `instant`, read as if it were UTC (whole seconds). */
const wallClock = (timeZone: string, instant: number): number => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
};

/** The zone's offset from UTC at `instant`, in milliseconds. */
const offsetAt = (timeZone: string, instant: number): number =>
  wallClock(timeZone, instant) - (instant - (((instant % 1000) + 1000) % 1000));

/** The local day (days since 1970-01-01 on the zone's calendar) holding `instant`. */
const localDay = (timeZone: string, instant: number): number =>
  Math.floor(wallClock(timeZone, instant) / DAY);

/**
 * The instant at which the zone's clocks show `wall` (a local time read as UTC). A time the
 * clocks show twice (autumn) is its first occurrence; a time they skip (spring) is the
 * instant they jump, the first one showing a later time.
 */
const instantOf = (timeZone: string, wall: number): number => {
  // at most one transition lies within a day of any instant in real zones
  const offsets = new Set([offsetAt(timeZone, wall - DAY), offsetAt(timeZone, wall + DAY)]);
  const exact = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => offsetAt(timeZone, instant) === wall - instant);
  if (exact.length > 0) return Math.min(...exact);
  // in a gap: search the transition between the two readings (to the minute)
  let before = Math.min(...[...offsets].map((offset) => wall - offset));
  let after = Math.max(...[...offsets].map((offset) => wall - offset));
  while (after - before > MINUTE) {
    const middle = before + Math.ceil((after - before) / 2 / MINUTE) * MINUTE;
    if (wallClock(timeZone, middle) >= wall) after = middle;
    else before = middle;
  }
  return after;
};

const isoDate = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The opening spans of one local day as instants, in order; none on a holiday. */
const spansOn = (calendar: BusinessCalendar, day: number): [number, number][] => {
  if (calendar.holidays.includes(isoDate(day))) return [];
  const weekday = BY_UTC_DAY[new Date(day * DAY).getUTCDay()] as Weekday;
  return calendar.weeklyHours[weekday].map((span) => [
    instantOf(calendar.timeZone, day * DAY + minutesOf(span.start) * MINUTE),
    instantOf(calendar.timeZone, day * DAY + minutesOf(span.end) * MINUTE),
  ]);
};

const requireOpenHours = (calendar: BusinessCalendar) => {
  if (!WEEKDAYS.some((weekday) => calendar.weeklyHours[weekday].length > 0)) {
    throw new DomainError("VALIDATION_FAILED", "must open on at least one day", { field: "weeklyHours" });
  }
};

/** Business milliseconds from `from` to `to` (0 when `to` is not after `from`). */
export const businessMsBetween = (calendar: BusinessCalendar | null, from: Date, to: Date): number => {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  if (!calendar) return end - start;
  let total = 0;
  const lastDay = localDay(calendar.timeZone, end);
  for (let day = localDay(calendar.timeZone, start); day <= lastDay; day++) {
    for (const [open, close] of spansOn(calendar, day)) {
      total += Math.max(0, Math.min(close, end) - Math.max(open, start));
    }
  }
  return total;
};

/**
 * The instant `ms` business milliseconds after `from`: when a clock started at `from` with
 * that much time runs out. Time running out exactly at closing is due at closing.
 */
export const addBusinessMs = (calendar: BusinessCalendar | null, from: Date, ms: number): Date => {
  const start = from.getTime();
  if (!calendar) return new Date(start + ms);
  if (ms <= 0) return from;
  requireOpenHours(calendar);
  let left = ms;
  // ends: the calendar opens on some weekday and holidays are finitely many
  for (let day = localDay(calendar.timeZone, start); ; day++) {
    for (const [open, close] of spansOn(calendar, day)) {
      const begin = Math.max(open, start);
      if (close <= begin) continue;
      if (left <= close - begin) return new Date(begin + left);
      left -= close - begin;
    }
  }
};
