import { z } from "zod";
import { TIERS } from "../licenses/tiers.ts";
import { textInput } from "../text-input.ts";
import { minutesOf, WEEKDAYS, type Weekday } from "./business-hours.ts";

/** How new tickets of a tier find their agent (an account manager, where set, comes first). */
export const SUPPORT_ROUTING_MODES = ["LEAST_LOAD", "ROUND_ROBIN"] as const;
export type SupportRoutingMode = (typeof SUPPORT_ROUTING_MODES)[number];

const HOLIDAYS_MAX = 366;
const SPANS_PER_DAY_MAX = 6;

/** A name such as Europe/Berlin or UTC that this runtime's tz database knows; offsets are not zones. */
const isTimeZone = (value: string) => {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

const TimeZone = z
  .string()
  .trim()
  .refine(isTimeZone, { message: "must be an IANA time zone such as Europe/Berlin" });

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, {
  message: "must be a time such as 09:00 (24:00 for midnight)",
});

const Span = z.object({ start: LocalTime, end: LocalTime });

/** A day's spans: each ends after it starts, and each starts at or after the previous one ends. */
const DaySpans = z
  .array(Span)
  .max(SPANS_PER_DAY_MAX)
  .superRefine((spans, issues) => {
    spans.forEach((span, index) => {
      if (minutesOf(span.end) <= minutesOf(span.start)) {
        issues.addIssue({ code: "custom", path: [index, "end"], message: "must be after the start" });
      }
      const previous = spans[index - 1];
      if (previous && minutesOf(span.start) < minutesOf(previous.end)) {
        issues.addIssue({
          code: "custom",
          path: [index, "start"],
          message: "must not be before the previous span ends (spans in order, not overlapping)",
        });
      }
    });
  });

const WeeklyHours = z
  .object(Object.fromEntries(WEEKDAYS.map((day) => [day, DaySpans])) as Record<Weekday, typeof DaySpans>)
  .refine((week) => WEEKDAYS.some((day) => week[day].length > 0), {
    message: "must open on at least one day",
  });

const Holiday = z.iso.date({ message: "must be a date such as 2026-12-25" });

export const SupportTeamInput = z.object({
  name: textInput().min(1, { message: "is required" }).max(80, { message: "must be at most 80 characters" }),
  /** Off: SLA clocks run around the clock, as before teams had calendars. */
  businessHours: z.boolean(),
  timeZone: TimeZone,
  weeklyHours: WeeklyHours,
  holidays: z
    .array(Holiday)
    .max(HOLIDAYS_MAX)
    .refine((days) => new Set(days).size === days.length, { message: "must not list a date twice" }),
});
export type SupportTeamInput = z.input<typeof SupportTeamInput>;

export const UpdateSupportTeamInput = SupportTeamInput.extend({ teamId: z.uuid() });
export type UpdateSupportTeamInput = z.input<typeof UpdateSupportTeamInput>;

export const SetSupportRoutingInput = z.object({
  tier: z.enum(TIERS),
  mode: z.enum(SUPPORT_ROUTING_MODES),
  /** The team whose calendar the tier's tickets follow; null: the default team. */
  teamId: z.uuid().nullable(),
});
export type SetSupportRoutingInput = z.input<typeof SetSupportRoutingInput>;
