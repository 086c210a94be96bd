import { describe, expect, it } from "vitest";
import { WEEKDAYS } from "./business-hours.ts";
import { SupportTeamInput } from "./settings-inputs.ts";

const nineToFive = [{ start: "09:00", end: "17:00" }];
const valid = {
  name: "Support",
  businessHours: true,
  timeZone: "Europe/Berlin",
  weeklyHours: { ...Object.fromEntries(WEEKDAYS.map((day) => [day, []])), MON: nineToFive, FRI: nineToFive },
  holidays: ["2026-12-25"],
};

/** The dotted paths of the issues a change to the valid input raises. */
const fieldsOf = (change: Record<string, unknown>) => {
  const result = SupportTeamInput.safeParse({ ...valid, ...change });
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};
const hours = (spans: { start: string; end: string }[]) => ({
  weeklyHours: { ...valid.weeklyHours, MON: spans },
});

describe("SupportTeamInput", () => {
  it("accepts a calendar with ordered spans, including one that ends at midnight", () => {
    expect(
      fieldsOf(
        hours([
          { start: "08:00", end: "12:00" },
          { start: "12:00", end: "24:00" },
        ]),
      ),
    ).toEqual([]);
    expect(fieldsOf({ timeZone: "UTC" })).toEqual([]);
  });

  it.each([
    ["an unknown zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["an offset instead of a zone", { timeZone: "+01:00" }, "timeZone"],
    ["an empty zone", { timeZone: "" }, "timeZone"],
    ["a span ending before it starts", hours([{ start: "17:00", end: "09:00" }]), "weeklyHours.MON.0.end"],
    ["an empty span", hours([{ start: "09:00", end: "09:00" }]), "weeklyHours.MON.0.end"],
    [
      "overlapping spans",
      hours([
        { start: "09:00", end: "13:00" },
        { start: "12:00", end: "17:00" },
      ]),
      "weeklyHours.MON.1.start",
    ],
    [
      "spans out of order",
      hours([
        { start: "13:00", end: "17:00" },
        { start: "09:00", end: "12:00" },
      ]),
      "weeklyHours.MON.1.start",
    ],
    ["a time that is not one", hours([{ start: "9am", end: "17:00" }]), "weeklyHours.MON.0.start"],
    ["past midnight", hours([{ start: "09:00", end: "24:30" }]), "weeklyHours.MON.0.end"],
    [
      "a week without opening hours",
      { weeklyHours: { ...valid.weeklyHours, MON: [], FRI: [] } },
      "weeklyHours",
    ],
    ["a holiday twice", { holidays: ["2026-12-25", "2026-12-25"] }, "holidays"],
    ["a holiday that is no date", { holidays: ["2026-02-30"] }, "holidays.0"],
    ["no name", { name: " " }, "name"],
  ])("refuses %s, naming the field", (_, change, field) => {
    expect(fieldsOf(change)).toEqual([field]);
  });
});
