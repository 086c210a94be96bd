import { describe, expect, it } from "vitest";
import { signInBackoffSeconds } from "./sign-in-backoff.ts";

describe("signInBackoffSeconds", () => {
  it.each([
    [0, 1, 900, 0],
    [1, 1, 900, 1],
    [2, 1, 900, 2],
    [3, 1, 900, 4],
    [10, 1, 900, 512],
    [11, 1, 900, 900],
    [1_000, 1, 900, 900],
    [3, 2, 900, 8],
    [5, 0, 900, 0],
  ])("after %i failures, base %i s, cap %i s: %i s", (failures, base, cap, expected) => {
    expect(signInBackoffSeconds(failures, base, cap)).toBe(expected);
  });
});
