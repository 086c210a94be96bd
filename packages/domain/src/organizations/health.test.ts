import { describe, expect, it } from "vitest";
import { forecastUsage } from "../usage/forecast.ts";
import { limitStatus } from "../usage/limits.ts";
import type { DomainStatus } from "../white-label/domains.ts";
import { gradeForScore, gradeHealth, type HealthSnapshot } from "./health.ts";

const now = new Date("2026-11-29T12:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

const activeLicense = () => ({ status: "ACTIVE" as const, expiresAt: inDays(200), autoRenew: false });
const limitsWithin = () => ({
  ACTIVE_USERS: limitStatus(10, 100),
  COURSES: limitStatus(1, 10),
  API_CALLS: limitStatus(0, null),
  STORAGE_BYTES: limitStatus(0, 1000),
});

const healthy = (): HealthSnapshot => ({
  license: activeLicense(),
  limits: limitsWithin(),
  usageReported: true,
  tickets: { openCritical: 0, breached: 0, atRisk: 0 },
  domain: { hostname: "learn.acme.com", status: "VERIFIED", setAt: inDays(-30) },
  deadWebhookDeliveries: 0,
});

const codes = (snapshot: HealthSnapshot) => gradeHealth(snapshot, now).reasons.map((reason) => reason.code);

describe("gradeHealth", () => {
  it("gives A and no reasons to an organisation with nothing wrong", () => {
    expect(gradeHealth(healthy(), now)).toEqual({ grade: "A", score: 100, reasons: [] });
  });

  it("grades no license, or one not in force, D whatever else is true", () => {
    expect(gradeHealth({ ...healthy(), license: null, limits: null }, now)).toEqual({
      grade: "D",
      score: 49,
      reasons: [{ code: "NO_LICENSE", severity: "CRITICAL", area: "LICENSE", message: "No license" }],
    });
    for (const status of ["SUSPENDED", "EXPIRED", "CANCELLED"] as const) {
      const health = gradeHealth({ ...healthy(), license: { ...activeLicense(), status } }, now);
      expect(health).toMatchObject({ grade: "D", score: 49 });
      expect(health.reasons).toEqual([
        expect.objectContaining({
          code: "LICENSE_NOT_ACTIVE",
          severity: "CRITICAL",
          message: `License is ${status.toLowerCase()}`,
        }),
      ]);
    }
    // A cap, not a penalty: more problems still score lower.
    const worse = gradeHealth(
      { ...healthy(), license: null, tickets: { breached: 1, atRisk: 0, openCritical: 0 } },
      now,
    );
    expect(worse).toMatchObject({ grade: "D", score: 20 });
    const pending = gradeHealth({ ...healthy(), license: { ...activeLicense(), status: "PENDING" } }, now);
    expect(pending).toMatchObject({ grade: "B", score: 85, reasons: [{ severity: "WARNING" }] });
  });

  it("warns at 30 days before expiry and is critical at 7, unless the license renews itself", () => {
    const expiring = (days: number, autoRenew = false) =>
      gradeHealth({ ...healthy(), license: { status: "ACTIVE", expiresAt: inDays(days), autoRenew } }, now)
        .reasons;
    expect(expiring(31)).toEqual([]);
    expect(expiring(30)).toEqual([
      expect.objectContaining({
        code: "LICENSE_EXPIRING",
        severity: "WARNING",
        message: "License expires in 30 days without auto-renew",
      }),
    ]);
    expect(expiring(7)[0]).toMatchObject({ severity: "CRITICAL" });
    expect(expiring(0.5)[0]).toMatchObject({ message: "License expires in 1 day without auto-renew" });
    expect(expiring(3, true)).toEqual([]);
  });

  it("names each metric near or over its limit in one reason per status", () => {
    const snapshot = healthy();
    snapshot.limits = {
      ACTIVE_USERS: limitStatus(120, 100),
      COURSES: limitStatus(9, 10),
      API_CALLS: limitStatus(85, 100),
      STORAGE_BYTES: limitStatus(0, 10),
    };
    expect(gradeHealth(snapshot, now).reasons).toEqual([
      {
        code: "USAGE_EXCEEDED",
        severity: "CRITICAL",
        area: "USAGE",
        message: "Over the limit: Active users at 120 % of the limit",
      },
      {
        code: "USAGE_WARNING",
        severity: "WARNING",
        area: "USAGE",
        message: "Near the limit: Courses at 90 % of the limit, API calls at 85 % of the monthly limit",
      },
    ]);
  });

  it("warns when a metric is forecast to pass its limit before the period end or renewal", () => {
    const rising = (days: number) =>
      forecastUsage({
        kind: "GAUGE",
        days: Array.from({ length: 10 }, (_, i) => ({
          day: new Date(now.getTime() - (9 - i) * 86_400_000).toISOString().slice(0, 10),
          value: 100 - days + i - 9,
        })),
        limit: 100,
        renewalAt: inDays(200),
        now,
      });
    const flat = forecastUsage({ kind: "COUNTER", days: [], limit: 100, renewalAt: null, now });
    const forecasts = { ACTIVE_USERS: rising(5), COURSES: flat, API_CALLS: flat, STORAGE_BYTES: rising(1) };
    expect(gradeHealth({ ...healthy(), forecasts }, now)).toMatchObject({
      score: 85,
      reasons: [
        {
          code: "USAGE_FORECAST",
          severity: "WARNING",
          area: "USAGE",
          message: "Forecast to pass the limit: Active users on 4 December 2026, Storage on 30 November 2026",
        },
      ],
    });
    expect(
      codes({ ...healthy(), forecasts: { ...forecasts, ACTIVE_USERS: flat, STORAGE_BYTES: flat } }),
    ).toEqual([]);
    expect(codes({ ...healthy(), forecasts: null })).toEqual([]);
  });

  it("counts breached and at-risk SLAs and open critical tickets", () => {
    const health = gradeHealth({ ...healthy(), tickets: { breached: 2, atRisk: 1, openCritical: 1 } }, now);
    expect(health.reasons.map((reason) => reason.message)).toEqual([
      "2 open tickets past the SLA",
      "1 ticket close to the SLA",
      "1 critical ticket open",
    ]);
    expect(health).toMatchObject({ score: 30, grade: "D" });
  });

  it("shows an unverified domain as pending within its 72 hours, failed after them", () => {
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    const domain = (status: DomainStatus, setHoursAgo: number) => ({
      ...healthy(),
      domain: { hostname: "x.example.com", status, setAt: hoursAgo(setHoursAgo) },
    });
    for (const status of ["PENDING", "FAILED"] as const) {
      expect(gradeHealth(domain(status, 71.9), now)).toEqual({
        grade: "A",
        score: 100,
        reasons: [
          {
            code: "DOMAIN_PENDING",
            severity: "INFO",
            area: "WHITE_LABEL",
            message:
              "Custom domain x.example.com is pending: its DNS record is re-checked for 72 hours after it is set",
          },
        ],
      });
      expect(gradeHealth(domain(status, 72), now)).toMatchObject({
        score: 85,
        reasons: [
          {
            code: "DOMAIN_FAILED",
            severity: "WARNING",
            message: "Custom domain x.example.com failed verification: not verified within 72 hours",
          },
        ],
      });
    }
    expect(codes(domain("LAPSED", 1))).toEqual(["DOMAIN_LAPSED"]);
    expect(codes(domain("VERIFIED", 1))).toEqual([]);
  });

  it("warns about failing webhooks", () => {
    expect(gradeHealth({ ...healthy(), deadWebhookDeliveries: 3 }, now).reasons).toEqual([
      {
        code: "WEBHOOKS_FAILING",
        severity: "WARNING",
        area: "WHITE_LABEL",
        message: "3 webhook deliveries failed in the last 7 days",
      },
    ]);
  });

  it("flags a licensed organisation that never reported usage, not one without a license", () => {
    expect(gradeHealth({ ...healthy(), usageReported: false }, now)).toEqual({
      grade: "B",
      score: 85,
      reasons: [
        { code: "NO_USAGE_DATA", severity: "WARNING", area: "USAGE", message: "No usage reported yet" },
      ],
    });
    expect(codes({ ...healthy(), usageReported: false, limits: null })).toEqual(["NO_USAGE_DATA"]);
    expect(codes({ ...healthy(), license: null, limits: null, usageReported: false })).toEqual([
      "NO_LICENSE",
    ]);
  });

  it("lists critical reasons first and never scores below zero", () => {
    const health = gradeHealth(
      {
        license: { status: "SUSPENDED", expiresAt: null, autoRenew: false },
        limits: { ...limitsWithin(), COURSES: limitStatus(20, 10) },
        usageReported: true,
        tickets: { breached: 1, atRisk: 1, openCritical: 1 },
        domain: { hostname: "x.example.com", status: "FAILED", setAt: inDays(-1) },
        deadWebhookDeliveries: 1,
      },
      now,
    );
    expect(health.score).toBe(0);
    expect(health.grade).toBe("D");
    expect(health.reasons.map((reason) => reason.severity)).toEqual([
      "CRITICAL",
      "CRITICAL",
      "CRITICAL",
      "WARNING",
      "WARNING",
      "WARNING",
      "INFO",
    ]);
  });
});

describe("gradeForScore", () => {
  it.each([
    [100, "A"],
    [90, "A"],
    [89, "B"],
    [75, "B"],
    [74, "C"],
    [50, "C"],
    [49, "D"],
    [0, "D"],
  ] as const)("%i → %s", (score, grade) => {
    expect(gradeForScore(score)).toBe(grade);
  });
});
