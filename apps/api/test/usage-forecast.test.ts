import { auditEvents, mailOutbox, usageForecastAlerts } from "@tessera/db/schema";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raiseForecastAlerts } from "../src/usage/forecast-alerts.ts";
import { createTestHarness, TEST_START, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const DAY_MS = 86_400_000;

/** Organisation A (PROFESSIONAL: 100 courses) reports courses rising by one a day for 30 days: 62 … 91. */
const seedRisingCourses = async () => {
  const caller = await h.caller("orgKeyUsage");
  const now = h.clock.now();
  await caller.usage.trackBatch({
    events: Array.from({ length: 30 }, (_, i) => ({
      metric: "COURSES" as const,
      value: 62 + i,
      occurredAt: new Date(now.getTime() - (29 - i) * DAY_MS),
      idempotencyKey: `forecast-courses-${i}`,
    })),
  });
};

describe("usage forecasts", () => {
  beforeAll(seedRisingCourses);

  it("usage.stats forecasts a rising gauge to pass 100 % on its day, with a band", async () => {
    const staff = await h.caller("staffAdmin");
    const stats = await staff.usage.stats({ status: "AT_RISK" });
    const entry = stats.organizations.items.find((item) => item.organizationId === h.orgA.id);
    expect(entry?.checks.COURSES).toMatchObject({ used: 91, limit: 100, status: "WARNING" });
    // Today (June 1st) at 91, one more a day: 100 on June 10th; 80 % is already behind it.
    expect(entry?.forecasts.COURSES).toMatchObject({
      status: "FORECAST",
      method: "LINEAR_TREND",
      trend: "RISING",
      current: 91,
      periodEnd: { at: new Date("2026-07-01T00:00:00Z"), value: 121, low: 121, high: 121 },
      reaches80: null,
      reaches100: { on: "2026-06-10", earliest: "2026-06-10", latest: "2026-06-10" },
    });
    // Nothing else was reported: one day into the month is too early for the API calls' run rate.
    expect(entry?.forecasts.API_CALLS).toEqual({
      status: "INSUFFICIENT_DATA",
      method: "RUN_RATE",
      points: 0,
      needed: 3,
    });
    expect(entry?.forecasts.ACTIVE_USERS).toMatchObject({
      status: "INSUFFICIENT_DATA",
      points: 0,
      needed: 7,
    });
    expect(stats.atRisk.first.find((item) => item.organizationId === h.orgA.id)?.forecasts.COURSES).toEqual(
      entry?.forecasts.COURSES,
    );
  });

  it("the customer sees their own forecasts with their limits; staff see them by organisation", async () => {
    const owner = await h.caller("ownerA");
    const mine = await owner.usage.myLimits();
    expect(mine.forecasts?.COURSES).toMatchObject({ reaches100: { on: "2026-06-10" } });
    const staff = await h.caller("staffAdmin");
    expect((await staff.usage.limits({ organizationId: h.orgA.id })).forecasts).toEqual(mine.forecasts);
    // Organisation B reported nothing: a forecast needs data, it is never made up.
    const other = await (await h.caller("ownerB")).usage.myLimits();
    expect(other.forecasts === null || other.forecasts.COURSES.status === "INSUFFICIENT_DATA").toBe(true);
  });

  it("the job raises the forecast alert once per license × metric × threshold × period", async () => {
    const first = await raiseForecastAlerts(h.deps, h.clock.now());
    // The next hourly run, same month: nothing new.
    const again = await raiseForecastAlerts(h.deps, new Date(h.clock.now().getTime() + 3600_000));
    expect(first.raised).toBeGreaterThanOrEqual(1);
    expect(again.raised).toBe(0);
    const alerts = await h.db
      .select()
      .from(usageForecastAlerts)
      .where(eq(usageForecastAlerts.organizationId, h.orgA.id));
    expect(alerts).toEqual([
      expect.objectContaining({
        metric: "COURSES",
        threshold: 100,
        period: "2026-06",
        reachesOn: "2026-06-10",
        used: 91,
        limit: 100,
      }),
    ]);
    const audited = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "usage.forecast_alert_raised"));
    expect(audited.filter((event) => event.organizationId === h.orgA.id)).toHaveLength(1);
    // the owners and admins are mailed once, like any usage alert, with the forecast day
    const mailed = await h.db
      .select({ to: mailOutbox.toAddress, data: mailOutbox.data })
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.template, "usage-alert"),
          eq(mailOutbox.organizationId, h.orgA.id),
          sql`${mailOutbox.data}->>'reachesOn' is not null`,
        ),
      );
    expect(mailed.map((mail) => mail.to).sort()).toEqual(["admin@a.test", "owner@a.test"]);
    expect(mailed.every((mail) => mail.data.reachesOn === "2026-06-10")).toBe(true);
  });

  it("the organisation's health warns of the forecast pass", async () => {
    const staff = await h.caller("staffAdmin");
    const health = await staff.organizations.health({ organizationId: h.orgA.id });
    expect(health.reasons).toContainEqual({
      code: "USAGE_FORECAST",
      severity: "WARNING",
      area: "USAGE",
      message: "Forecast to pass the limit: Courses on 10 June 2026",
    });
  });

  it("counters: a month-to-date run rate from the third day on", async () => {
    const caller = await h.caller("orgKeyUsage");
    h.clock.set(new Date("2026-06-11T00:00:00Z"));
    try {
      // 9,000 calls a day for ten days against 100,000: 90,000 so far, 100 % at the end of June 12th.
      await caller.usage.trackBatch({
        events: Array.from({ length: 10 }, (_, i) => ({
          metric: "API_CALLS" as const,
          value: 9000,
          occurredAt: new Date(Date.UTC(2026, 5, 1 + i, 12)),
          idempotencyKey: `forecast-calls-${i}`,
        })),
      });
      // A session opened now: the one from June 1st has expired by the 11th.
      const owner = await h.freshCaller("ownerA");
      const forecast = (await owner.usage.myLimits()).forecasts?.API_CALLS;
      expect(forecast).toMatchObject({
        status: "FORECAST",
        method: "RUN_RATE",
        current: 90_000,
        perDay: 9000,
        periodEnd: { value: 270_000, low: 270_000, high: 270_000 },
        reaches100: { on: "2026-06-12" },
      });
    } finally {
      h.clock.set(TEST_START);
    }
  });
});
