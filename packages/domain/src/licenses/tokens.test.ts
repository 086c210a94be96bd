import { describe, expect, it } from "vitest";
import { DEFAULT_TOKEN_TTL_DAYS, licenseTokenExpiry, TokenTtlDays } from "./tokens.ts";

const now = new Date("2026-06-01T12:00:00.000Z");
const days = (count: number) => new Date(now.getTime() + count * 86_400_000);

describe("licenseTokenExpiry", () => {
  it.each([
    ["30 days for a license of 10 years", days(3650), DEFAULT_TOKEN_TTL_DAYS, days(30)],
    ["the license's expiry when it comes sooner", days(10), 30, days(10)],
    ["the TTL when it ends exactly at the license's expiry", days(30), 30, days(30)],
    ["one day", days(3650), 1, days(1)],
    ["the longest TTL", days(3650), 365, days(365)],
  ] as const)("%s", (_name, licenseExpiresAt, ttlDays, expected) => {
    expect(licenseTokenExpiry(licenseExpiresAt, ttlDays, now)).toEqual(expected);
  });
});

describe("TokenTtlDays", () => {
  it.each([1, 30, 365])("accepts %i", (value) => expect(TokenTtlDays.safeParse(value).success).toBe(true));
  it.each([0, -1, 366, 3650, 1.5])("refuses %s", (value) =>
    expect(TokenTtlDays.safeParse(value).success).toBe(false),
  );
});
