import { describe, expect, it } from "vitest";
import {
  CheckLicenseInput,
  CreateLicenseInput,
  ExpiringLicensesQuery,
  LicenseCursorQuery,
  ValidateLicenseInput,
} from "./inputs.ts";

const ORG = "00000000-0000-4000-8000-000000000001";
const LIMITS = { ACTIVE_USERS: 10, COURSES: null, API_CALLS: 5, STORAGE_BYTES: null };

/** The paths and messages of every issue, so a test names the field it expects refused. */
const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);

describe("CreateLicenseInput", () => {
  it("defaults the term to 12 months and auto-renew to off", () => {
    expect(CreateLicenseInput.parse({ organizationId: ORG, tier: "STARTER" })).toMatchObject({
      termMonths: 12,
      autoRenew: false,
    });
  });

  it.each([
    [{ tier: "CUSTOM", customLimits: LIMITS }, []],
    [{ tier: "CUSTOM" }, ["customLimits: is required for CUSTOM"]],
    [{ tier: "STARTER", customLimits: LIMITS }, ["customLimits: is only for the CUSTOM tier, not STARTER"]],
    [
      { tier: "STARTER", overage: { API_CALLS: { tolerancePercent: 5, graceDays: 3 } } },
      ["overage: is only for the CUSTOM tier, not STARTER"],
    ],
    [
      { tier: "CUSTOM", customLimits: LIMITS, overage: { COURSES: { tolerancePercent: 0, graceDays: 0 } } },
      [],
    ],
    [
      { tier: "ENTERPRISE", customFeatures: ["SSO"] },
      ["customFeatures: is only for the CUSTOM tier, not ENTERPRISE"],
    ],
    [
      { tier: "PROFESSIONAL", supportResponseCapHours: 4 },
      ["supportResponseCapHours: is only for the CUSTOM tier, not PROFESSIONAL"],
    ],
    [
      { tier: "STARTER", monthlyPriceCents: 100 },
      ["monthlyPriceCents: is only for the CUSTOM tier, not STARTER"],
    ],
    [
      { tier: "STARTER", startsAt: "2026-02-01", expiresAt: "2026-02-01" },
      ["expiresAt: must be after startsAt"],
    ],
    [{ tier: "STARTER", startsAt: "2026-02-01", expiresAt: "2026-02-02" }, []],
    [{ tier: "STARTER", expiresAt: "2026-02-02" }, []],
    [{ tier: "STARTER", termMonths: 0 }, ["termMonths: must be at least 1 month"]],
    [{ tier: "STARTER", termMonths: 121 }, ["termMonths: must be at most 120 months"]],
    [{ tier: "STARTER", termMonths: 1.5 }, ["termMonths: must be a whole number of months"]],
  ])("%j gives %j", (input, expected) => {
    expect(issues(CreateLicenseInput.safeParse({ organizationId: ORG, ...input }))).toEqual(expected);
  });

  it.each([
    [336, true],
    [337, false],
    [0, false],
  ])("a CUSTOM support cap of %i hours is accepted: %s", (hours, ok) => {
    const input = {
      organizationId: ORG,
      tier: "CUSTOM",
      customLimits: LIMITS,
      supportResponseCapHours: hours,
    };
    expect(CreateLicenseInput.safeParse(input).success).toBe(ok);
  });
});

describe("ValidateLicenseInput", () => {
  it.each([
    [{}, []],
    [{ metric: "API_CALLS", increment: 1 }, []],
    [{ metric: "API_CALLS" }, ["increment: metric and increment go together"]],
    [{ increment: 1 }, ["increment: metric and increment go together"]],
  ])("%j gives %j", (input, expected) => {
    expect(issues(ValidateLicenseInput.safeParse({ key: "TSR-1", ...input }))).toEqual(expected);
  });

  it("names the key when it is too long", () => {
    expect(issues(ValidateLicenseInput.safeParse({ key: "K".repeat(101) }))).toEqual([
      "key: is too long to be a license key",
    ]);
  });
});

describe("CheckLicenseInput: the same question without a key", () => {
  it.each([
    [{}, []],
    [{ feature: "SSO", metric: "ACTIVE_USERS", increment: 2, includeUsage: true }, []],
    [{ metric: "API_CALLS" }, ["increment: metric and increment go together"]],
    [{ increment: 1 }, ["increment: metric and increment go together"]],
    [{ increment: 0, metric: "API_CALLS" }, ["increment: Too small: expected number to be >=1"]],
  ])("%j gives %j", (input, expected) => {
    expect(issues(CheckLicenseInput.safeParse(input))).toEqual(expected);
  });
});

describe("REST queries read numbers from text", () => {
  it.each([
    [{}, { limit: 25 }, []],
    [{ limit: "3", expiringWithinDays: "0" }, { limit: 3, expiringWithinDays: 0 }, []],
    [{ expiringWithinDays: "3651" }, undefined, ["expiringWithinDays"]],
    [{ expiringWithinDays: "-1" }, undefined, ["expiringWithinDays"]],
  ])("%j", (query, parsed, fields) => {
    const result = LicenseCursorQuery.safeParse(query);
    expect(issues(result).map((issue) => issue.split(":")[0])).toEqual(fields);
    if (parsed) expect(result.data).toEqual(parsed);
  });

  it("reads the expiring window's days, 30 by default", () => {
    expect(ExpiringLicensesQuery.parse({})).toEqual({ days: 30 });
    expect(ExpiringLicensesQuery.parse({ days: "3650" })).toEqual({ days: 3650 });
    expect(ExpiringLicensesQuery.safeParse({ days: "3651" }).success).toBe(false);
  });
});
