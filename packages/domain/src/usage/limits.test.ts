import { describe, expect, it } from "vitest";
import { checkOccurredAt } from "./inputs.ts";
import { limitStatus, thresholdsReached } from "./limits.ts";
import { usagePeriod, utcDay } from "./metrics.ts";

describe("limitStatus", () => {
  it.each([
    [0, 100, 0, "OK"],
    [79, 100, 79, "OK"],
    [80, 100, 80, "WARNING"],
    [99, 100, 99, "WARNING"],
    [100, 100, 100, "EXCEEDED"],
    [150, 100, 150, "EXCEEDED"],
    [7999, 10_000, 79, "OK"],
    [8000, 10_000, 80, "WARNING"],
    [0, 0, 0, "OK"],
    [1, 0, 100, "EXCEEDED"],
  ])("%i of %i is %i %% %s", (used, limit, percent, status) => {
    expect(limitStatus(used, limit)).toEqual({ used, limit, percent, status });
  });
  it("unlimited has no percent and is always OK", () => {
    expect(limitStatus(1e15, null)).toEqual({ used: 1e15, limit: null, percent: null, status: "OK" });
  });
});

describe("thresholdsReached", () => {
  it.each([
    [79, 100, []],
    [80, 100, [80]],
    [100, 100, [80, 100]],
    [5, null, []],
    [0, 0, []],
  ])("%i of %s reaches %j", (used, limit, expected) => {
    expect(thresholdsReached(used, limit)).toEqual(expected);
  });
});

describe("periods", () => {
  it("are UTC calendar months and days", () => {
    const lateNight = new Date("2026-06-30T23:59:59.999Z");
    expect(usagePeriod(lateNight)).toBe("2026-06");
    expect(utcDay(lateNight)).toBe("2026-06-30");
    expect(usagePeriod(new Date("2026-07-01T00:00:00Z"))).toBe("2026-07");
  });
});

describe("checkOccurredAt", () => {
  const now = new Date("2026-06-15T12:00:00Z");
  it.each([
    [0, true],
    [59 * 60_000, true],
    [61 * 60_000, false],
    [-35 * 86_400_000 + 1000, true],
    [-36 * 86_400_000, false],
  ])("offset %i ms accepted: %s", (offset, ok) => {
    const call = () => checkOccurredAt(new Date(now.getTime() + offset), now);
    if (ok) expect(call).not.toThrow();
    else expect(call).toThrow(/occurredAt|future|older/);
  });
});
