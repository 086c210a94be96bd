import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { checkRangeNotFuture, rangeAfterToday, usageMonths, usagePeriodRange } from "./periods.ts";

const NOW = new Date("2026-03-15T23:30:00Z");

describe("usagePeriodRange", () => {
  it.each([
    ["last-7", { from: "2026-03-09", to: "2026-03-15" }],
    ["last-30", { from: "2026-02-14", to: "2026-03-15" }],
    ["last-90", { from: "2025-12-16", to: "2026-03-15" }],
    ["this-month", { from: "2026-03-01", to: "2026-03-15" }],
    ["last-month", { from: "2026-02-01", to: "2026-02-28" }],
    ["2024-02", { from: "2024-02-01", to: "2024-02-29" }],
    ["2026-03", { from: "2026-03-01", to: "2026-03-15" }],
    ["2026-04", null],
    ["2026-13", null],
    ["last-8", null],
    ["toString", null],
    ["", null],
  ])("%s covers %j", (period, expected) => {
    expect(usagePeriodRange(period, NOW)).toEqual(expected);
  });

  it("last month in January is December of the year before", () => {
    expect(usagePeriodRange("last-month", new Date("2026-01-10T00:00:00Z"))).toEqual({
      from: "2025-12-01",
      to: "2025-12-31",
    });
  });
});

describe("usageMonths", () => {
  it("lists the months from the first with data to now, newest first", () => {
    expect(usageMonths("2025-11-20", NOW)).toEqual(["2026-03", "2026-02", "2026-01", "2025-12", "2025-11"]);
  });

  it("offers the current month when there is no data, or only data dated ahead", () => {
    expect(usageMonths(null, NOW)).toEqual(["2026-03"]);
    expect(usageMonths("2026-04-02", NOW)).toEqual(["2026-03"]);
  });

  it("stops at the cap", () => {
    expect(usageMonths("2010-01-01", NOW, 3)).toEqual(["2026-03", "2026-02", "2026-01"]);
  });
});

describe("rangeAfterToday and checkRangeNotFuture", () => {
  it.each([
    ["2026-03-01", "2026-03-15", null],
    ["2026-03-01", "2026-03-16", "to"],
    ["2026-03-16", "2026-03-20", "from"],
    ["2026-03-15T00:00:00Z", "2026-03-15T23:59:59Z", null],
  ])("%s to %s: %s", (from, to, field) => {
    expect(rangeAfterToday({ from, to }, NOW)?.field ?? null).toBe(field);
  });

  it("throws a validation error naming the field and today", () => {
    let error: unknown;
    try {
      checkRangeNotFuture({ from: new Date("2026-03-01"), to: new Date("2026-03-16") }, NOW);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "must not be after today (2026-03-15, UTC)",
      details: { field: "to" },
    });
  });
});
