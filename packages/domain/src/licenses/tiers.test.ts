import { describe, expect, it } from "vitest";
import { entitlementsFor, hasFeature, lowestTierWith, TIER_DEFINITIONS } from "./tiers.ts";

describe("tiers", () => {
  it.each([
    ["STARTER", 100, 10, 10_000, 10 * 1024 ** 3],
    ["PROFESSIONAL", 500, 100, 100_000, 100 * 1024 ** 3],
    ["ENTERPRISE", null, null, null, null],
  ] as const)("%s limits", (tier, users, courses, calls, storage) => {
    expect(entitlementsFor({ tier }).limits).toEqual({
      ACTIVE_USERS: users,
      COURSES: courses,
      API_CALLS: calls,
      STORAGE_BYTES: storage,
    });
  });

  it.each([
    ["STARTER", "BRANDING", true],
    ["STARTER", "CUSTOM_DOMAIN", false],
    ["STARTER", "SSO", false],
    ["PROFESSIONAL", "CUSTOM_DOMAIN", true],
    ["PROFESSIONAL", "SSO", true],
    ["PROFESSIONAL", "INTEGRATIONS", false],
    ["ENTERPRISE", "INTEGRATIONS", true],
    ["ENTERPRISE", "FEATURE_TOGGLES", true],
  ] as const)("%s has %s: %s", (tier, feature, expected) => {
    expect(hasFeature(entitlementsFor({ tier }), feature)).toBe(expected);
  });

  it("caps support response by tier", () => {
    expect(TIER_DEFINITIONS.STARTER.supportResponseCapHours).toBeNull();
    expect(TIER_DEFINITIONS.PROFESSIONAL.supportResponseCapHours).toBe(4);
    expect(TIER_DEFINITIONS.ENTERPRISE.supportResponseCapHours).toBe(1);
  });

  it("CUSTOM takes explicit values, unlimited where not given", () => {
    const custom = entitlementsFor({
      tier: "CUSTOM",
      customLimits: { ACTIVE_USERS: 2500, COURSES: null, API_CALLS: 5_000_000, STORAGE_BYTES: 1024 },
      customFeatures: ["SSO", "INTEGRATIONS"],
      customSupportResponseCapHours: 2,
      customMonthlyPriceCents: 123_400,
    });
    expect(custom.limits.ACTIVE_USERS).toBe(2500);
    expect(custom.limits.COURSES).toBeNull();
    expect(custom.features).toEqual(["SSO", "INTEGRATIONS"]);
    expect(custom.supportResponseCapHours).toBe(2);
    expect(entitlementsFor({ tier: "CUSTOM" }).features).toEqual([]);
  });

  it("names the lowest tier with a feature", () => {
    expect(lowestTierWith("BRANDING")).toBe("STARTER");
    expect(lowestTierWith("SSO")).toBe("PROFESSIONAL");
    expect(lowestTierWith("INTEGRATIONS")).toBe("ENTERPRISE");
  });
});
