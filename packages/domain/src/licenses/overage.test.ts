import { describe, expect, it } from "vitest";
import { limitVerdict, OverageOverridesInput, OveragePolicyInput, overSinceAt } from "./overage.ts";
import { entitlementsFor } from "./tiers.ts";

const now = new Date("2026-03-10T12:00:00Z");
const day = 86_400_000;
const ago = (days: number) => new Date(now.getTime() - days * day);
// 100 allowed, 10 % tolerance (up to 110), 7 days of grace.
const policy = { tolerancePercent: 10, graceDays: 7 };

describe("limitVerdict", () => {
  it.each([
    ["under the limit", 99, null, "VALID", null],
    ["at the limit", 100, null, "VALID", null],
    ["at the limit, an old overSince left behind", 100, ago(30), "VALID", null],
    ["just over, not recorded yet: grace starts now", 101, null, "VALID", "OVER_LIMIT_GRACE"],
    ["just over, in grace", 101, ago(1), "VALID", "OVER_LIMIT_GRACE"],
    ["at the tolerance edge, in grace", 110, ago(6.9), "VALID", "OVER_LIMIT_GRACE"],
    ["just past the tolerance, in grace", 111, ago(1), "OVER_LIMIT", null],
    ["just over, grace just ended", 101, ago(7), "OVER_LIMIT", null],
    ["just over, grace long over", 101, ago(60), "OVER_LIMIT", null],
  ] as const)("%s (%i used)", (_name, used, overSince, code, warning) => {
    const answer = limitVerdict(used, 100, policy, overSince, now);
    expect(answer.code).toBe(code);
    expect(answer.warning).toBe(warning);
    expect(answer.graceEndsAt).toEqual(warning ? new Date((overSince ?? now).getTime() + 7 * day) : null);
  });

  it("gives no grace when the grace is 0 days, and no room when the tolerance is 0 %", () => {
    expect(limitVerdict(101, 100, { tolerancePercent: 10, graceDays: 0 }, null, now).code).toBe("OVER_LIMIT");
    expect(limitVerdict(101, 100, { tolerancePercent: 0, graceDays: 7 }, null, now).code).toBe("OVER_LIMIT");
    expect(limitVerdict(100, 100, { tolerancePercent: 0, graceDays: 0 }, null, now).code).toBe("VALID");
  });

  it("reads tolerance as a fraction of the limit (25 % of 10,000 API calls)", () => {
    const calls = { tolerancePercent: 25, graceDays: 7 };
    expect(limitVerdict(12_500, 10_000, calls, ago(1), now).warning).toBe("OVER_LIMIT_GRACE");
    expect(limitVerdict(12_501, 10_000, calls, ago(1), now).code).toBe("OVER_LIMIT");
  });

  it("never limits an unlimited metric, and a limit of 0 has no room", () => {
    expect(limitVerdict(1e15, null, policy, ago(100), now).code).toBe("VALID");
    expect(limitVerdict(1, 0, policy, null, now).code).toBe("OVER_LIMIT");
  });
});

describe("tier defaults and CUSTOM overrides", () => {
  it.each([
    ["STARTER", 10, 25, 7],
    ["PROFESSIONAL", 10, 25, 14],
    ["ENTERPRISE", 10, 25, 30],
    ["CUSTOM", 10, 25, 7],
  ] as const)("%s: users %i %, API calls %i %, %i days", (tier, users, calls, days) => {
    const { overage } = entitlementsFor({ tier });
    expect(overage.ACTIVE_USERS).toEqual({ tolerancePercent: users, graceDays: days });
    expect(overage.API_CALLS).toEqual({ tolerancePercent: calls, graceDays: days });
  });

  it("CUSTOM overrides only the metrics it names; other tiers ignore overrides", () => {
    const customOverage = { API_CALLS: { tolerancePercent: 50, graceDays: 30 } };
    const custom = entitlementsFor({ tier: "CUSTOM", customOverage });
    expect(custom.overage.API_CALLS).toEqual({ tolerancePercent: 50, graceDays: 30 });
    expect(custom.overage.ACTIVE_USERS).toEqual({ tolerancePercent: 10, graceDays: 7 });
    expect(entitlementsFor({ tier: "STARTER", customOverage }).overage.API_CALLS.tolerancePercent).toBe(25);
  });
});

describe("OveragePolicyInput", () => {
  it.each([
    [{ tolerancePercent: 0, graceDays: 0 }, true],
    [{ tolerancePercent: 100, graceDays: 90 }, true],
    [{ tolerancePercent: 101, graceDays: 7 }, false],
    [{ tolerancePercent: -1, graceDays: 7 }, false],
    [{ tolerancePercent: 10, graceDays: 91 }, false],
    [{ tolerancePercent: 10, graceDays: -1 }, false],
    [{ tolerancePercent: 10.5, graceDays: 7 }, false],
  ])("%j valid: %s", (input, valid) => {
    expect(OveragePolicyInput.safeParse(input).success).toBe(valid);
  });

  it("names the metric and the field at fault", () => {
    const result = OverageOverridesInput.safeParse({ API_CALLS: { tolerancePercent: 150, graceDays: 7 } });
    expect(result.error?.issues[0]?.path).toEqual(["API_CALLS", "tolerancePercent"]);
    expect(result.error?.issues[0]?.message).toBe("must be at most 100 %");
  });
});

describe("overSinceAt", () => {
  it("keeps gauges whenever they passed, counters only from this UTC month", () => {
    const recorded = {
      ACTIVE_USERS: "2026-01-05T00:00:00.000Z",
      API_CALLS: "2026-02-27T00:00:00.000Z",
      STORAGE_BYTES: "2026-03-01T00:00:00.000Z",
    };
    expect(overSinceAt(recorded, now)).toEqual({
      ACTIVE_USERS: new Date("2026-01-05T00:00:00.000Z"),
      STORAGE_BYTES: new Date("2026-03-01T00:00:00.000Z"),
    });
    expect(overSinceAt({ API_CALLS: "2026-03-01T00:00:00.000Z" }, now)).toEqual({
      API_CALLS: new Date("2026-03-01T00:00:00.000Z"),
    });
    expect(overSinceAt(null, now)).toEqual({});
  });
});
