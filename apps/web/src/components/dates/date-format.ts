import { TZDate, tzName } from "@date-fns/tz";
import { type DateFormat, datePatterns } from "@tessera/domain";
import { format } from "date-fns";

export interface DateSettings {
  /** The IANA zone instants are shown in. */
  timeZone: string;
  dateFormat: DateFormat;
}

type Instant = Date | string | number;

const EMPTY = "—";
const utcMidnight = (day: string) => new TZDate(Date.parse(`${day}T00:00:00Z`), "UTC");

/**
 * Every way the app writes a date, for one person's zone and format: instants in their zone
 * and saying it, days stated in UTC (usage) in UTC, and the days typed in date inputs read in
 * their zone.
 */
export const dateFormatter = ({ timeZone, dateFormat }: DateSettings) => {
  const patterns = datePatterns(dateFormat);
  const inZone = (value: Instant) => new TZDate(new Date(value).getTime(), timeZone);
  const utcMonth = (month: string) => format(utcMidnight(`${month}-01`), patterns.month);
  return {
    timeZone,
    /** Date, time and zone: "5 Dec 2026, 14:05 GMT+1" (with seconds where they tell attempts apart); "—" for none. */
    instant: (value: Instant | null | undefined, { seconds = false } = {}) => {
      if (value === null || value === undefined || value === "") return EMPTY;
      const date = inZone(value);
      const time = seconds ? patterns.time.replace("mm", "mm:ss") : patterns.time;
      return `${format(date, patterns.day)}, ${format(date, time)} ${tzName(timeZone, date, "short")}`;
    },
    /** The day an instant falls on in the person's zone: "5 Dec 2026"; "—" for none. */
    day: (value: Instant | null | undefined) =>
      value === null || value === undefined || value === "" ? EMPTY : format(inZone(value), patterns.day),
    /** A UTC day `YYYY-MM-DD` in the person's format, for text that states UTC once. */
    utcDay: (day: string) => format(utcMidnight(day), patterns.day),
    /** A UTC month `YYYY-MM` in the person's format, for text that states UTC once: "November 2026". */
    utcMonth,
    /** A usage period `YYYY-MM` standing alone, saying it is a UTC month: "November 2026 (UTC)". */
    utcPeriod: (month: string) => `${utcMonth(month)} (UTC)`,
    /** A day typed in a date input, as the first (or last) instant of that day in the person's zone. */
    dayBound: (day: string, end: boolean): Date | undefined => {
      const [year, month, date] = day.split("-").map(Number);
      if (!year || !month || !date) return undefined;
      const bound = end
        ? new TZDate(year, month - 1, date, 23, 59, 59, 999, timeZone)
        : new TZDate(year, month - 1, date, timeZone);
      return new Date(bound.getTime());
    },
  };
};

export type DateFormatter = ReturnType<typeof dateFormatter>;
