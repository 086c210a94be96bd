import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { checkOccurredAt, MAX_AGE_MS, MAX_FUTURE_MS, UsageRange } from "./inputs.ts";

const NOW = new Date("2026-03-15T12:00:00Z");
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

const refusal = (run: () => void): DomainError | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
};

describe("checkOccurredAt", () => {
  it.each([
    [MAX_FUTURE_MS, undefined],
    [MAX_FUTURE_MS + 1, "must not be more than 1 hour in the future"],
    [-MAX_AGE_MS, undefined],
    [-MAX_AGE_MS - 1, "must not be older than 35 days"],
    [0, undefined],
  ])("an event %i ms from now: %s", (offset, message) => {
    const error = refusal(() => checkOccurredAt(at(offset), NOW));
    expect(error?.message).toBe(message);
    if (message) expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: { field: "occurredAt" } });
  });

  it("names the field it is given", () => {
    expect(
      refusal(() => checkOccurredAt(at(MAX_FUTURE_MS + 1), NOW, "events.3.occurredAt"))?.details,
    ).toEqual({
      field: "events.3.occurredAt",
    });
  });

  it("keeps the bounds the product promises: 1 hour ahead, 35 days back", () => {
    expect([MAX_FUTURE_MS, MAX_AGE_MS]).toEqual([3_600_000, 35 * 86_400_000]);
  });
});

describe("UsageRange", () => {
  const messages = (from: string, to: string) =>
    (UsageRange.safeParse({ from, to }).error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

  it.each([
    ["2026-01-01", "2026-01-01", []],
    ["2026-01-02", "2026-01-01", ["to: must not be before from"]],
    ["2024-01-01", "2026-01-01", []],
    ["2024-01-01", "2026-01-02", ["to: the range must be at most 2 years"]],
  ])("%s to %s gives %j", (from, to, expected) => {
    expect(messages(from, to)).toEqual(expected);
  });
});
