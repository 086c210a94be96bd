import { describe, expect, it } from "vitest";
import { AuditFilter } from "./audit/inputs.ts";
import { dateInput } from "./date-input.ts";
import { TrackUsageInput } from "./usage/inputs.ts";

describe("dateInput", () => {
  it.each([
    ["1970-01-01T00:00:00Z", undefined],
    ["2026-11-30", undefined],
    ["9999-12-31T23:59:59Z", undefined],
    ["0000-01-01", "must not be before 1970"],
    ["1969-12-31T23:59:59Z", "must not be before 1970"],
    ["+010000-01-01T00:00:00Z", "must not be after 9999"],
    ["not a date", "must be a date such as 2026-01-31"],
  ])("%s → refused with %s", (value, message) => {
    // A schema built inside the test, so a changed message is seen (module-level ones are built once).
    expect(dateInput().safeParse(value).error?.issues[0]?.message).toBe(message);
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
