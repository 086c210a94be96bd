import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { assertTicketTransition, statusAfterReply, TICKET_STATUSES, type TicketStatus } from "./status.ts";

const ALLOWED = new Set([
  "OPEN>IN_PROGRESS",
  "IN_PROGRESS>WAITING_ON_CUSTOMER",
  "IN_PROGRESS>RESOLVED",
  "WAITING_ON_CUSTOMER>IN_PROGRESS",
  "RESOLVED>CLOSED",
  "RESOLVED>IN_PROGRESS",
]);

describe("assertTicketTransition", () => {
  for (const from of TICKET_STATUSES) {
    for (const to of TICKET_STATUSES) {
      const allowed = ALLOWED.has(`${from}>${to}`);
      it(`${from} → ${to}: ${allowed ? "allowed" : "refused"}`, () => {
        if (allowed) expect(() => assertTicketTransition(from, to)).not.toThrow();
        else {
          try {
            assertTicketTransition(from, to);
            expect.unreachable();
          } catch (error) {
            expect((error as DomainError).code).toBe("TICKET_INVALID_TRANSITION");
            expect((error as DomainError).message).toContain(from);
          }
        }
      });
    }
  }
});

describe("statusAfterReply", () => {
  it.each([
    ["OPEN", "STAFF", "IN_PROGRESS"],
    ["IN_PROGRESS", "STAFF", "IN_PROGRESS"],
    ["WAITING_ON_CUSTOMER", "CUSTOMER", "IN_PROGRESS"],
    ["RESOLVED", "CUSTOMER", "IN_PROGRESS"],
    ["OPEN", "CUSTOMER", "OPEN"],
    ["RESOLVED", "STAFF", "RESOLVED"],
  ] as const)("%s after a %s reply → %s", (current, author, expected) => {
    expect(statusAfterReply(current as TicketStatus, author)).toBe(expected);
  });
  it("refuses replies to a CLOSED ticket", () => {
    expect(() => statusAfterReply("CLOSED", "CUSTOMER")).toThrow(DomainError);
  });
});
