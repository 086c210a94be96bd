import { describe, expect, it } from "vitest";
import type { DomainError } from "../errors.ts";
import {
  assertRatable,
  goodShare,
  RatingInput,
  SATISFACTION_LINK_DAYS,
  satisfactionLinkExpiry,
} from "./satisfaction.ts";
import { TICKET_STATUSES } from "./status.ts";

describe("assertRatable", () => {
  for (const status of TICKET_STATUSES) {
    it(`${status}: ${status === "RESOLVED" ? "rated" : "refused"}`, () => {
      if (status === "RESOLVED") return expect(() => assertRatable(status)).not.toThrow();
      try {
        assertRatable(status);
        expect.unreachable();
      } catch (error) {
        expect((error as DomainError).code).toBe("TICKET_NOT_RATABLE");
        expect((error as DomainError).details.field).toBe("ticketId");
        expect((error as DomainError).message).toContain(status === "CLOSED" ? "final" : status);
      }
    });
  }
});

describe("goodShare", () => {
  const cases: [number, number, number | null][] = [
    [0, 0, null],
    [0, 3, 0],
    [1, 4, 0.25],
    [2, 2, 1],
  ];
  for (const [good, rated, share] of cases) {
    it(`${good} of ${rated}`, () => expect(goodShare(good, rated)).toBe(share));
  }
});

describe("satisfactionLinkExpiry", () => {
  it(`is ${SATISFACTION_LINK_DAYS} days after the mail`, () => {
    expect(satisfactionLinkExpiry(new Date("2026-06-01T12:00:00Z")).toISOString()).toBe(
      "2026-06-15T12:00:00.000Z",
    );
  });
});

describe("RatingInput", () => {
  const cases: [unknown, unknown][] = [
    [{ rating: "GOOD" }, { rating: "GOOD", comment: null }],
    [
      { rating: "BAD", comment: "  " },
      { rating: "BAD", comment: null },
    ],
    [
      { rating: "BAD", comment: " Slow " },
      { rating: "BAD", comment: "Slow" },
    ],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => expect(RatingInput.parse(input)).toEqual(expected));
  }
  it("refuses another rating and an over-long comment", () => {
    expect(RatingInput.safeParse({ rating: "MEH" }).success).toBe(false);
    expect(RatingInput.safeParse({ rating: "GOOD", comment: "x".repeat(2001) }).success).toBe(false);
  });
});
