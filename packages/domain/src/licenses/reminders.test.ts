import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_DAYS, dueReminder, ReminderDays } from "./reminders.ts";

const now = new Date("2026-06-15T12:00:00Z");
const day = 86_400_000;
const due = (daysLeft: number, points: readonly number[]) =>
  dueReminder(new Date(now.getTime() + daysLeft * day), now, points);

describe("dueReminder", () => {
  it.each([
    [45, null],
    [30, 30],
    [29.5, 30],
    [7, 7],
    [6, 7],
    [1, 1],
    [0.1, 1],
    [0, null],
    [-1, null],
  ])("with the default points and %f days left: %s", (days, expected) => {
    expect(due(days, DEFAULT_REMINDER_DAYS)).toBe(expected);
  });

  it.each([
    [[90, 14], 91, null],
    [[90, 14], 90, 90],
    [[90, 14], 15, 90],
    [[90, 14], 14, 14],
    [[90, 14], 0.5, 14],
    [[120], 120, 120],
    [[120], 121, null],
    [[3], 7, null],
    [[3], 2.9, 3],
  ])("with points %j and %f days left: %s", (points, days, expected) => {
    expect(due(days, points)).toBe(expected);
  });
});

describe("ReminderDays", () => {
  it.each([
    [
      [30, 7, 1],
      [30, 7, 1],
    ],
    [
      [1, 90, 14],
      [90, 14, 1],
    ],
    [[120], [120]],
    [
      [1, 2, 3, 4, 5],
      [5, 4, 3, 2, 1],
    ],
  ])("accepts %j, furthest first", (input, stored) => {
    expect(ReminderDays.parse(input)).toEqual(stored);
  });

  it.each([
    [[], "must hold at least 1 reminder point"],
    [[1, 2, 3, 4, 5, 6], "must hold at most 5 reminder points"],
    [[0], "must be at least 1 day"],
    [[121], "must be at most 120 days"],
    [[1.5], "must be a whole number of days"],
    [[7, 7], "must not repeat a day"],
  ])("refuses %j: %s", (input, message) => {
    const result = ReminderDays.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
