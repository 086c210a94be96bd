import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import {
  assertTicketTransition,
  nextTicketStatuses,
  statusAfterReply,
  TICKET_STATUSES,
  type TicketActor,
  type TicketStatus,
} from "./status.ts";

const STAFF_ALLOWED = new Set([
  "OPEN>IN_PROGRESS",
  "OPEN>WAITING_ON_CUSTOMER",
  "OPEN>RESOLVED",
  "OPEN>CLOSED",
  "IN_PROGRESS>WAITING_ON_CUSTOMER",
  "IN_PROGRESS>RESOLVED",
  "IN_PROGRESS>CLOSED",
  "WAITING_ON_CUSTOMER>IN_PROGRESS",
  "WAITING_ON_CUSTOMER>RESOLVED",
  "WAITING_ON_CUSTOMER>CLOSED",
  "RESOLVED>CLOSED",
  "RESOLVED>IN_PROGRESS",
]);

const CUSTOMER_ALLOWED = new Set([
  "OPEN>RESOLVED",
  "IN_PROGRESS>RESOLVED",
  "WAITING_ON_CUSTOMER>RESOLVED",
  "RESOLVED>CLOSED",
]);

const refusal = (from: TicketStatus, to: TicketStatus, by: TicketActor) => {
  try {
    assertTicketTransition(from, to, by);
  } catch (error) {
    return error as DomainError;
  }
  return null;
};

describe("assertTicketTransition", () => {
  for (const from of TICKET_STATUSES) {
    for (const to of TICKET_STATUSES) {
      const staff = STAFF_ALLOWED.has(`${from}>${to}`);
      const customer = CUSTOMER_ALLOWED.has(`${from}>${to}`);
      it(`${from} → ${to}: staff ${staff ? "may" : "may not"}, customers ${customer ? "may" : "may not"}`, () => {
        const byStaff = refusal(from, to, "STAFF");
        const byCustomer = refusal(from, to, "CUSTOMER");
        expect(byStaff === null).toBe(staff);
        expect(byCustomer === null).toBe(customer);
        expect(nextTicketStatuses(from, "STAFF").includes(to)).toBe(staff);
        expect(nextTicketStatuses(from, "CUSTOMER").includes(to)).toBe(customer);
        if (byStaff) {
          expect(byStaff.code).toBe("TICKET_INVALID_TRANSITION");
          expect(byStaff.message).toContain(from);
          expect(byStaff.details).toMatchObject({ field: "status", currentStatus: from });
        }
        if (byCustomer) {
          // a move only staff make is forbidden to customers; one no one makes is invalid
          expect(byCustomer.code).toBe(staff ? "FORBIDDEN" : "TICKET_INVALID_TRANSITION");
          expect(byCustomer.message).toContain(from);
          expect(byCustomer.details).toMatchObject({ field: "status", currentStatus: from });
        }
      });
    }
  }

  it("lists the moves in flow order", () => {
    expect(nextTicketStatuses("WAITING_ON_CUSTOMER", "STAFF")).toEqual(["IN_PROGRESS", "RESOLVED", "CLOSED"]);
    expect(nextTicketStatuses("CLOSED", "STAFF")).toEqual([]);
  });
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
