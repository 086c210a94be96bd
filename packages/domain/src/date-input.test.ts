import { describe, expect, it } from "vitest";
import { AuditFilter } from "./audit/inputs.ts";
import { dateInput } from "./date-input.ts";
import { TrackUsageInput } from "./usage/inputs.ts";

describe("dateInput", () => {
  it.each([
    ["1970-01-01T00:00:00Z", true],
    ["2026-11-30", true],
    ["9999-12-31T23:59:59Z", true],
    ["0000-01-01", false],
    ["1969-12-31T23:59:59Z", false],
    ["+010000-01-01T00:00:00Z", false],
    ["not a date", false],
  ])("%s → accepted %s", (value, accepted) => {
    expect(dateInput().safeParse(value).success).toBe(accepted);
  });

  it("names the field of the schema using it", () => {
    const result = AuditFilter.safeParse({ from: "0000-01-01" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["from"], message: "must not be before 1970" });
  });
});

describe("usage values", () => {
  const event = (value: number) => ({ metric: "API_CALLS", value, idempotencyKey: "k" });
  it.each([
    [0, true],
    [1e12, true],
    [1e12 + 1, false],
    [2 ** 53, false],
  ])("%d → accepted %s", (value, accepted) => {
    expect(TrackUsageInput.safeParse(event(value)).success).toBe(accepted);
  });
});
