import { describe, expect, it } from "vitest";
import type { DomainError } from "../errors.ts";
import { addBusinessMs, type BusinessCalendar, businessMsBetween, minutesOf } from "./business-hours.ts";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const nineToFive = [{ start: "09:00", end: "17:00" }];
const closed: { start: string; end: string }[] = [];

const week = (days: Partial<BusinessCalendar["weeklyHours"]>): BusinessCalendar["weeklyHours"] => {
  const all = { MON: closed, TUE: closed, WED: closed, THU: closed, FRI: closed, SAT: closed, SUN: closed };
  return { ...all, ...days };
};

/** Berlin office, Monday to Friday 09–17; Whit Monday 2026 (25 May) off. */
const berlin: BusinessCalendar = {
  timeZone: "Europe/Berlin",
  weeklyHours: week({ MON: nineToFive, TUE: nineToFive, WED: nineToFive, THU: nineToFive, FRI: nineToFive }),
  holidays: ["2026-05-25"],
};
/** Tokyo office 09–18 local: 00:00–09:00 UTC, so its day starts at UTC midnight. */
const tokyo: BusinessCalendar = {
  timeZone: "Asia/Tokyo",
  weeklyHours: week({ MON: [{ start: "09:00", end: "18:00" }], TUE: [{ start: "09:00", end: "18:00" }] }),
  holidays: [],
};
/** A night shift in New York: Monday 22:00 to Tuesday 06:00, across local midnight. */
const nightShift: BusinessCalendar = {
  timeZone: "America/New_York",
  weeklyHours: week({ MON: [{ start: "22:00", end: "24:00" }], TUE: [{ start: "00:00", end: "06:00" }] }),
  holidays: [],
};
/** Only Sundays, all day, in Berlin: a day of 23 hours in spring and 25 in autumn. */
const berlinSundays: BusinessCalendar = {
  timeZone: "Europe/Berlin",
  weeklyHours: week({ SUN: [{ start: "00:00", end: "24:00" }] }),
  holidays: [],
};
/** Sundays 02:30–04:00 in Berlin: on 29 March 2026 the clocks skip from 02:00 to 03:00. */
const berlinEarlySundays: BusinessCalendar = {
  timeZone: "Europe/Berlin",
  weeklyHours: week({ SUN: [{ start: "02:30", end: "04:00" }] }),
  holidays: [],
};

const utc = (iso: string) => new Date(iso);

describe("addBusinessMs", () => {
  it.each([
    ["inside one span", berlin, "2026-06-01T08:00:00Z", 2 * HOUR, "2026-06-01T10:00:00Z"],
    ["before opening: starts at 09:00", berlin, "2026-06-01T05:00:00Z", 2 * HOUR, "2026-06-01T09:00:00Z"],
    ["running out exactly at closing", berlin, "2026-06-05T14:00:00Z", HOUR, "2026-06-05T15:00:00Z"],
    ["Friday evening lands on Monday", berlin, "2026-06-05T14:00:00Z", 4 * HOUR, "2026-06-08T10:00:00Z"],
    ["over a weekend from Saturday", berlin, "2026-06-06T08:00:00Z", 2 * HOUR, "2026-06-08T09:00:00Z"],
    [
      "Friday evening, Whit Monday off: Tuesday",
      berlin,
      "2026-05-22T14:00:00Z",
      4 * HOUR,
      "2026-05-26T10:00:00Z",
    ],
    ["several days", berlin, "2026-06-01T07:00:00Z", 20 * HOUR, "2026-06-03T11:00:00Z"],
    [
      "Friday CET to Monday CEST (clocks go forward)",
      berlin,
      "2026-03-27T15:00:00Z",
      4 * HOUR,
      "2026-03-30T10:00:00Z",
    ],
    [
      "Friday CEST to Monday CET (clocks go back)",
      berlin,
      "2026-10-23T14:00:00Z",
      4 * HOUR,
      "2026-10-26T11:00:00Z",
    ],
    ["Tokyo: a span across UTC midnight", tokyo, "2026-06-01T23:00:00Z", 2 * HOUR, "2026-06-02T02:00:00Z"],
    ["Tokyo: Monday's close to Tuesday", tokyo, "2026-06-01T08:00:00Z", 3 * HOUR, "2026-06-02T02:00:00Z"],
    [
      "night shift across local midnight",
      nightShift,
      "2026-06-02T03:00:00Z",
      3 * HOUR,
      "2026-06-02T06:00:00Z",
    ],
    [
      "a whole autumn Sunday has 25 hours",
      berlinSundays,
      "2026-10-24T22:00:00Z",
      25 * HOUR,
      "2026-10-25T23:00:00Z",
    ],
    [
      "a whole spring Sunday has 23 hours",
      berlinSundays,
      "2026-03-28T23:00:00Z",
      23 * HOUR,
      "2026-03-29T22:00:00Z",
    ],
    [
      "a span opening in the skipped hour opens at 03:00",
      berlinEarlySundays,
      "2026-03-28T12:00:00Z",
      30 * MINUTE,
      "2026-03-29T01:30:00Z",
    ],
    ["nothing to add", berlin, "2026-06-06T08:00:00Z", 0, "2026-06-06T08:00:00Z"],
  ] as const)("%s", (_, calendar, from, ms, due) => {
    expect(addBusinessMs(calendar, utc(from), ms).toISOString()).toBe(utc(due).toISOString());
  });

  it("around the clock without a calendar", () => {
    expect(addBusinessMs(null, utc("2026-06-05T14:00:00Z"), 4 * HOUR)).toEqual(utc("2026-06-05T18:00:00Z"));
  });

  it("refuses a calendar that never opens, naming weeklyHours", () => {
    const never = { ...berlin, weeklyHours: week({}) };
    expect(() => addBusinessMs(never, utc("2026-06-01T08:00:00Z"), HOUR)).toThrowError(
      expect.objectContaining({
        code: "VALIDATION_FAILED",
        details: { field: "weeklyHours" },
      }) as DomainError,
    );
  });
});

describe("businessMsBetween", () => {
  it.each([
    ["inside one span", berlin, "2026-06-01T08:00:00Z", "2026-06-01T08:30:00Z", 30 * MINUTE],
    ["Friday 16:00 to Monday 12:00", berlin, "2026-06-05T14:00:00Z", "2026-06-08T10:00:00Z", 4 * HOUR],
    ["over Whit Monday", berlin, "2026-05-22T14:00:00Z", "2026-05-26T10:00:00Z", 4 * HOUR],
    ["a weekend alone", berlin, "2026-06-06T00:00:00Z", "2026-06-07T22:00:00Z", 0],
    ["a whole week", berlin, "2026-06-01T00:00:00Z", "2026-06-08T00:00:00Z", 40 * HOUR],
    ["across the spring change", berlin, "2026-03-27T15:00:00Z", "2026-03-30T10:00:00Z", 4 * HOUR],
    ["Tokyo across UTC midnight", tokyo, "2026-06-01T08:00:00Z", "2026-06-02T02:00:00Z", 3 * HOUR],
    ["the night shift", nightShift, "2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z", 8 * HOUR],
    ["the autumn Sunday", berlinSundays, "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z", 25 * HOUR],
    ["the spring Sunday", berlinSundays, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z", 23 * HOUR],
    [
      "the skipped hour is not worked",
      berlinEarlySundays,
      "2026-03-28T00:00:00Z",
      "2026-03-30T00:00:00Z",
      HOUR,
    ],
    ["backwards is nothing", berlin, "2026-06-01T10:00:00Z", "2026-06-01T08:00:00Z", 0],
  ] as const)("%s", (_, calendar, from, to, ms) => {
    expect(businessMsBetween(calendar, utc(from), utc(to))).toBe(ms);
  });

  it("around the clock without a calendar", () => {
    expect(businessMsBetween(null, utc("2026-06-05T14:00:00Z"), utc("2026-06-08T10:00:00Z"))).toBe(68 * HOUR);
  });

  it.each([
    ["2026-05-22T14:17:00Z", 4 * HOUR],
    ["2026-03-27T16:59:00Z", 11 * HOUR],
    ["2026-10-23T06:00:00Z", 41 * HOUR],
  ])("counts back what was added (from %s, %i ms)", (from, ms) => {
    expect(businessMsBetween(berlin, utc(from), addBusinessMs(berlin, utc(from), ms))).toBe(ms);
  });
});

describe("minutesOf", () => {
  it.each([
    ["00:00", 0],
    ["09:30", 570],
    ["24:00", 1440],
  ])("%s is %i minutes", (time, minutes) => {
    expect(minutesOf(time)).toBe(minutes);
  });
});
