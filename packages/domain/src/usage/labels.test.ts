import { describe, expect, it } from "vitest";
import { usageAgainstLimit } from "./labels.ts";

describe("usageAgainstLimit", () => {
  it.each([
    ["API_CALLS", 123, "API calls at 123 % of the monthly limit"],
    ["COURSES", 80, "Courses at 80 % of the limit"],
    ["STORAGE_BYTES", null, "Storage at 0 % of the limit"],
  ] as const)("%s at %s reads %s", (metric, percent, text) => {
    expect(usageAgainstLimit(metric, percent)).toBe(text);
  });
});
