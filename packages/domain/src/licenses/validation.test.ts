import { describe, expect, it } from "vitest";
import { entitlementsFor } from "./tiers.ts";
import { validationCode } from "./validation.ts";

const starter = entitlementsFor({ tier: "STARTER" });
const enterprise = entitlementsFor({ tier: "ENTERPRISE" });

describe("validationCode", () => {
  it.each([
    ["PENDING", "NOT_ACTIVATED"],
    ["ACTIVE", "VALID"],
    ["SUSPENDED", "SUSPENDED"],
    ["EXPIRED", "EXPIRED"],
    ["CANCELLED", "CANCELLED"],
  ] as const)("%s answers %s", (status, code) => {
    expect(validationCode(status, starter, {}, {})).toBe(code);
  });

  it.each([
    [{ feature: "SSO" as const }, {}, "FEATURE_NOT_ENTITLED"],
    [{ feature: "BRANDING" as const }, {}, "VALID"],
    [{ metric: "ACTIVE_USERS" as const, increment: 1 }, { ACTIVE_USERS: 99 }, "VALID"],
    [{ metric: "ACTIVE_USERS" as const, increment: 1 }, { ACTIVE_USERS: 100 }, "OVER_LIMIT"],
    [{ metric: "ACTIVE_USERS" as const, increment: 2 }, { ACTIVE_USERS: 99 }, "OVER_LIMIT"],
    [{ metric: "COURSES" as const, increment: 10 }, {}, "VALID"],
  ])("STARTER asked %j with usage %j answers %s", (question, usage, code) => {
    expect(validationCode("ACTIVE", starter, question, usage)).toBe(code);
  });

  it("never answers OVER_LIMIT for an unlimited metric", () => {
    expect(
      validationCode("ACTIVE", enterprise, { metric: "API_CALLS", increment: 1e12 }, { API_CALLS: 1e12 }),
    ).toBe("VALID");
  });

  it("reports the status before the question", () => {
    expect(validationCode("SUSPENDED", starter, { feature: "SSO" }, {})).toBe("SUSPENDED");
  });
});
