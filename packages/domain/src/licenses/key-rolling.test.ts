import { describe, expect, it } from "vitest";
import { RotateLicenseKeyInput } from "./inputs.ts";
import { keyOpensLicense, previousKeyExpiry, previousKeyInForceUntil } from "./key-rolling.ts";

const now = new Date("2026-06-15T12:00:00Z");
const hour = 3_600_000;
const licenseId = "00000000-0000-4000-8000-000000000001";

describe("previousKeyExpiry", () => {
  it.each([
    ["now", null],
    ["1h", new Date(now.getTime() + hour)],
    ["24h", new Date(now.getTime() + 24 * hour)],
    ["7d", new Date(now.getTime() + 7 * 24 * hour)],
  ] as const)("%s: the old key stops at %s", (choice, expected) => {
    expect(previousKeyExpiry(choice, now)).toEqual(expected);
  });

  it("defaults to 24 hours and refuses other choices", () => {
    expect(RotateLicenseKeyInput.parse({ licenseId }).oldKeyExpiresIn).toBe("24h");
    expect(RotateLicenseKeyInput.safeParse({ licenseId, oldKeyExpiresIn: "2h" }).success).toBe(false);
  });
});

describe("keyOpensLicense", () => {
  const license = (previousKeyExpiresAt: Date | null, previousKeyHash: string | null = "old") => ({
    keyHash: "new",
    previousKeyHash,
    previousKeyExpiresAt,
  });
  const later = new Date(now.getTime() + 1);
  it.each([
    ["the current key", "new", license(null, null), true],
    ["the previous key during the overlap", "old", license(later), true],
    ["the previous key at the end of the overlap", "old", license(now), false],
    ["the previous key after the overlap", "old", license(new Date(now.getTime() - 1)), false],
    ["the previous key without an expiry", "old", license(null), false],
    ["another key during the overlap", "other", license(later), false],
  ] as const)("%s: %s", (_case, keyHash, row, expected) => {
    expect(keyOpensLicense(row, keyHash, now)).toBe(expected);
  });

  it("reports the overlap's end only while it runs and a previous key exists", () => {
    expect(previousKeyInForceUntil(license(later), now)).toEqual(later);
    expect(previousKeyInForceUntil(license(now), now)).toBeNull();
    expect(previousKeyInForceUntil(license(later, null), now)).toBeNull();
  });
});
