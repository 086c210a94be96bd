import { describe, expect, it } from "vitest";
import { countOf } from "./plural.ts";

describe("countOf", () => {
  it.each([
    [0, "ticket", undefined, "0 tickets"],
    [1, "ticket", undefined, "1 ticket"],
    [2, "ticket", undefined, "2 tickets"],
    [1, "delivery", "deliveries", "1 delivery"],
    [3, "delivery", "deliveries", "3 deliveries"],
    [1250, "organisation", undefined, "1,250 organisations"],
  ])("%d %s → %s", (count, one, many, expected) => {
    expect(countOf(count, one, many)).toBe(expected);
  });
});
