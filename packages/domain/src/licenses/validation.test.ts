import { describe, expect, it } from "vitest";
import { entitlementsFor } from "./tiers.ts";
import { validationVerdict } from "./validation.ts";

const starter = entitlementsFor({ tier: "STARTER" });
const enterprise = entitlementsFor({ tier: "ENTERPRISE" });
const now = new Date("2026-03-10T12:00:00Z");
const day = 86_400_000;
const code = (...args: Parameters<typeof validationVerdict>) => validationVerdict(...args).code;

describe("validationVerdict", () => {
  it.each([
    ["PENDING", "NOT_ACTIVATED"],
    ["ACTIVE", "VALID"],
    ["SUSPENDED", "SUSPENDED"],
    ["EXPIRED", "EXPIRED"],
    ["CANCELLED", "CANCELLED"],
  ] as const)("%s answers %s", (status, expected) => {
    expect(code(status, starter, {}, {}, {}, now)).toBe(expected);
  });

  // STARTER: 100 users, 10 % tolerance (up to 110), 7 days of grace.
  it.each([
    [{ feature: "SSO" as const }, {}, "FEATURE_NOT_ENTITLED"],
    [{ feature: "BRANDING" as const }, {}, "VALID"],
    [{ metric: "ACTIVE_USERS" as const, increment: 1 }, { ACTIVE_USERS: 99 }, "VALID"],
    [{ metric: "ACTIVE_USERS" as const, increment: 1 }, { ACTIVE_USERS: 109 }, "VALID"],
    [{ metric: "ACTIVE_USERS" as const, increment: 1 }, { ACTIVE_USERS: 110 }, "OVER_LIMIT"],
    [{ metric: "ACTIVE_USERS" as const, increment: 12 }, { ACTIVE_USERS: 99 }, "OVER_LIMIT"],
    [{ metric: "COURSES" as const, increment: 10 }, {}, "VALID"],
  ])("STARTER asked %j with usage %j answers %s", (question, usage, expected) => {
    expect(code("ACTIVE", starter, question, usage, {}, now)).toBe(expected);
  });

  it("warns past the limit inside the grace, and says when it ends", () => {
    const overSince = new Date(now.getTime() - 2 * day);
    const answer = validationVerdict(
      "ACTIVE",
      starter,
      { metric: "ACTIVE_USERS", increment: 1 },
      { ACTIVE_USERS: 100 },
      { ACTIVE_USERS: overSince },
      now,
    );
    expect(answer).toEqual({
      code: "VALID",
      warning: "OVER_LIMIT_GRACE",
      graceEndsAt: new Date(overSince.getTime() + 7 * day),
    });
  });

  it("answers OVER_LIMIT once the metric's grace has run out, whatever other metrics say", () => {
    const question = { metric: "ACTIVE_USERS" as const, increment: 1 };
    const usage = { ACTIVE_USERS: 100 };
    const since = new Date(now.getTime() - 7 * day);
    expect(code("ACTIVE", starter, question, usage, { ACTIVE_USERS: since }, now)).toBe("OVER_LIMIT");
    expect(code("ACTIVE", starter, question, usage, { COURSES: since }, now)).toBe("VALID");
  });

  it("never answers OVER_LIMIT for an unlimited metric", () => {
    expect(
      code("ACTIVE", enterprise, { metric: "API_CALLS", increment: 1e12 }, { API_CALLS: 1e12 }, {}, now),
    ).toBe("VALID");
  });

  it("reports the status before the question", () => {
    expect(code("SUSPENDED", starter, { feature: "SSO" }, {}, {}, now)).toBe("SUSPENDED");
  });
});
