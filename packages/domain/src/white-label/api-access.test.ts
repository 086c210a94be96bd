import { describe, expect, it } from "vitest";
import type { LicenseStatus } from "../licenses/lifecycle.ts";
import type { Tier } from "../licenses/tiers.ts";
import { apiAccessRefusal } from "./api-access.ts";

const now = new Date("2026-06-01T12:00:00Z");
const DAY = 86_400_000;
const license = (status: LicenseStatus, expiresInDays: number | null, tier: Tier = "STARTER") => ({
  status,
  tier,
  customFeatures: null,
  autoRenew: false,
  renewalFailedAt: null,
  expiresAt: expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * DAY),
});

describe("apiAccessRefusal", () => {
  it.each([
    ["switched off", false, license("ACTIVE", 30), "SWITCHED_OFF"],
    ["no license at all", true, null, "NO_LICENSE_IN_FORCE"],
    ["PENDING", true, license("PENDING", null), null],
    ["ACTIVE", true, license("ACTIVE", 30), null],
    ["SUSPENDED", true, license("SUSPENDED", 30), null],
    ["ACTIVE past its expiry", true, license("ACTIVE", -1), "NO_LICENSE_IN_FORCE"],
    ["ACTIVE expiring this instant", true, license("ACTIVE", 0), "NO_LICENSE_IN_FORCE"],
    ["EXPIRED", true, license("EXPIRED", -1), "NO_LICENSE_IN_FORCE"],
    [
      "auto-renewing past expiry, renewal not tried",
      true,
      { ...license("ACTIVE", -0.5), autoRenew: true },
      null,
    ],
    ["CANCELLED", true, license("CANCELLED", 30), "NO_LICENSE_IN_FORCE"],
  ] as const)("%s", (_name, enabled, input, expected) => {
    expect(apiAccessRefusal(enabled, input, now)).toBe(expected);
  });

  it("refuses a CUSTOM license negotiated without API access", () => {
    expect(apiAccessRefusal(true, { ...license("ACTIVE", 30, "CUSTOM"), customFeatures: [] }, now)).toBe(
      "NOT_ENTITLED",
    );
  });
});
