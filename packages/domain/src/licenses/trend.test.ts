import { describe, expect, it } from "vitest";
import { inForceAt, type LicenseSpan, licenseTrend, trendMonths } from "./trend.ts";

const now = new Date("2026-11-29T12:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const license = (overrides: Partial<LicenseSpan> = {}): LicenseSpan => ({
  tier: "STARTER",
  status: "ACTIVE",
  createdAt: day("2026-01-10"),
  activatedAt: day("2026-01-10"),
  expiresAt: day("2027-01-10"),
  suspendedAt: null,
  cancelledAt: null,
  ...overrides,
});

describe("trendMonths", () => {
  it("lists the last months oldest first, each measured at its end and the current one now", () => {
    const months = trendMonths(3, now);
    expect(months.map((month) => month.month)).toEqual(["2026-09", "2026-10", "2026-11"]);
    expect(months[0]).toEqual({
      month: "2026-09",
      start: day("2026-09-01"),
      end: day("2026-10-01"),
      at: day("2026-10-01"),
    });
    expect(months[2]?.at).toEqual(now);
  });

  it("crosses a year boundary", () => {
    expect(trendMonths(2, day("2027-01-15")).map((month) => month.month)).toEqual(["2026-12", "2027-01"]);
  });
});

describe("inForceAt", () => {
  it("counts a license from activation until expiry or cancellation", () => {
    const span = license({ cancelledAt: day("2026-06-15") });
    expect(inForceAt(span, day("2026-01-09"))).toBe(false);
    expect(inForceAt(span, day("2026-01-10"))).toBe(true);
    expect(inForceAt(span, day("2026-06-15"))).toBe(false);
    expect(inForceAt(license(), day("2027-01-10"))).toBe(false);
    expect(inForceAt(license({ activatedAt: null, status: "PENDING" }), now)).toBe(false);
  });

  it("leaves out a license while it is suspended", () => {
    const suspended = license({ status: "SUSPENDED", suspendedAt: day("2026-10-15") });
    expect(inForceAt(suspended, day("2026-10-01"))).toBe(true);
    expect(inForceAt(suspended, now)).toBe(false);
  });
});

describe("licenseTrend", () => {
  it("counts licenses in force by tier at each month's end and those created in the month", () => {
    const trend = licenseTrend(
      [
        license(),
        license({ tier: "ENTERPRISE", createdAt: day("2026-10-20"), activatedAt: day("2026-11-02") }),
        license({ createdAt: day("2026-11-01"), activatedAt: null, status: "PENDING" }),
      ],
      trendMonths(2, now),
    );
    expect(trend).toEqual([
      { month: "2026-10", inForce: { STARTER: 1, PROFESSIONAL: 0, ENTERPRISE: 0, CUSTOM: 0 }, created: 1 },
      { month: "2026-11", inForce: { STARTER: 1, PROFESSIONAL: 0, ENTERPRISE: 1, CUSTOM: 0 }, created: 1 },
    ]);
  });
});
