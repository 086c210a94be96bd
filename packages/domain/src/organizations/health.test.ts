import { describe, expect, it } from "vitest";
import { forecastUsage } from "../usage/forecast.ts";
import { limitStatus } from "../usage/limits.ts";
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
  tickets: { openCritical: 0, breached: 0, atRisk: 0 },
  domain: { hostname: "learn.acme.com", status: "VERIFIED" },
  deadWebhookDeliveries: 0,
});

const codes = (snapshot: HealthSnapshot) => gradeHealth(snapshot, now).reasons.map((reason) => reason.code);

describe("gradeHealth", () => {
  it("gives A and no reasons to an organisation with nothing wrong", () => {
    expect(gradeHealth(healthy(), now)).toEqual({ grade: "A", score: 100, reasons: [] });
  });

  it("grades no license, or one not in force, as critical", () => {
    expect(gradeHealth({ ...healthy(), license: null, limits: null }, now)).toMatchObject({
      grade: "C",
      score: 60,
      reasons: [{ code: "NO_LICENSE", severity: "CRITICAL", area: "LICENSE" }],
    });
    for (const status of ["SUSPENDED", "EXPIRED", "CANCELLED"] as const) {
      const health = gradeHealth({ ...healthy(), license: { ...activeLicense(), status } }, now);
      expect(health.reasons).toEqual([
        expect.objectContaining({
          code: "LICENSE_NOT_ACTIVE",
          severity: "CRITICAL",
          message: `License is ${status.toLowerCase()}`,
        }),
      ]);
    }
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
        message: "Over the limit: ACTIVE_USERS 120 %",
      },
      {
        code: "USAGE_WARNING",
        severity: "WARNING",
        area: "USAGE",
        message: "Near the limit: COURSES 90 %, API_CALLS 85 %",
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
          message: "Forecast to pass the limit: ACTIVE_USERS on 2026-12-04, STORAGE_BYTES on 2026-11-30",
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

  it("warns about a failed custom domain and failing webhooks, not a pending domain", () => {
    expect(codes({ ...healthy(), domain: { hostname: "x.example.com", status: "PENDING" } })).toEqual([]);
    expect(
      codes({
        ...healthy(),
        domain: { hostname: "x.example.com", status: "FAILED" },
        deadWebhookDeliveries: 3,
      }),
    ).toEqual(["DOMAIN_FAILED", "WEBHOOKS_FAILING"]);
    expect(codes({ ...healthy(), domain: { hostname: "x.example.com", status: "LAPSED" } })).toEqual([
      "DOMAIN_LAPSED",
    ]);
    expect(codes({ ...healthy(), domain: { hostname: "x.example.com", status: "VERIFIED" } })).toEqual([]);
  });

  it("lists critical reasons first and never scores below zero", () => {
    const health = gradeHealth(
      {
        license: { status: "SUSPENDED", expiresAt: null, autoRenew: false },
        limits: { ...limitsWithin(), COURSES: limitStatus(20, 10) },
        tickets: { breached: 1, atRisk: 1, openCritical: 1 },
        domain: { hostname: "x.example.com", status: "FAILED" },
        deadWebhookDeliveries: 1,
      },
      now,
    );
    expect(health.score).toBe(0);
    expect(health.grade).toBe("D");
    const severities = health.reasons.map((reason) => reason.severity);
    expect(severities).toEqual([...severities].sort());
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
