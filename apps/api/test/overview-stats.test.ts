import { licenses } from "@tessera/db/schema";
import { licenseTrend, trendMonths } from "@tessera/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const DAY = 86_400_000;
const LIMITS = { COURSES: 10, API_CALLS: 1000, STORAGE_BYTES: 1000 };

/** Every license as the console's list shows it (the harness makes fewer than a page). */
const allViews = async () => {
  const staff = await h.caller("staffAdmin");
  const page = await staff.licenses.list({ pageSize: 100 });
  expect(page.total).toBeLessThanOrEqual(100);
  return page.items;
};

describe("the Overview's license figures", () => {
  it("count seats, statuses and expiries in SQL as the license views read them", async () => {
    const now = h.clock.now().getTime();
    // CUSTOM licenses with their own user limit and without one; one lapsed, some expiring soon
    const custom = await h.newLicensedOrganization("ENTERPRISE");
    const unlimited = await h.newLicensedOrganization("ENTERPRISE");
    const lapsed = await h.newLicensedOrganization("PROFESSIONAL");
    const soon = await Promise.all([1, 2, 3, 4, 5, 6].map(() => h.newLicensedOrganization("STARTER")));
    await h.newLicensedOrganization("STARTER", "SUSPENDED");
    await h.db
      .update(licenses)
      .set({ tier: "CUSTOM", customLimits: { ...LIMITS, ACTIVE_USERS: 777 } })
      .where(eq(licenses.id, custom.license.id));
    await h.db
      .update(licenses)
      .set({ tier: "CUSTOM", customLimits: { ...LIMITS, ACTIVE_USERS: null } })
      .where(eq(licenses.id, unlimited.license.id));
    await h.db
      .update(licenses)
      .set({ expiresAt: new Date(now - DAY) })
      .where(eq(licenses.id, lapsed.license.id));
    for (const [index, fixture] of soon.entries())
      await h.db
        .update(licenses)
        .set({ expiresAt: new Date(now + (index + 1) * 4 * DAY) })
        .where(eq(licenses.id, fixture.license.id));

    const staff = await h.caller("staffAdmin");
    const stats = await staff.licenses.stats();
    const views = await allViews();
    const active = views.filter((view) => view.status === "ACTIVE");
    expect(stats.total).toBe(views.length);
    for (const status of ["ACTIVE", "EXPIRED", "SUSPENDED", "PENDING", "CANCELLED"] as const)
      expect(stats.byStatus[status]).toBe(views.filter((view) => view.status === status).length);
    expect(stats.byTier.CUSTOM.ACTIVE).toBe(2);
    expect(stats.seats).toEqual({
      licensed: active.reduce((sum, view) => sum + (view.entitlements.limits.ACTIVE_USERS ?? 0), 0),
      unlimitedLicenses: active.filter((view) => view.entitlements.limits.ACTIVE_USERS === null).length,
    });
    expect(stats.seats.unlimitedLicenses).toBeGreaterThanOrEqual(1);
    const expiring = await staff.licenses.expiring({ days: 30 });
    expect(stats.expiringWithin30Days).toBe(expiring.length);
    expect(expiring.length).toBeGreaterThanOrEqual(6);

    const summary = await staff.licenses.expiringSummary({ days: 30 });
    expect(summary.total).toBe(expiring.length);
    expect(summary.first).toEqual(
      expiring.slice(0, 5).map((view) => ({
        id: view.id,
        organizationName: view.organizationName,
        keyHint: view.keyHint,
        expiresAt: view.expiresAt,
      })),
    );
    expect(await staff.licenses.expiringSummary({ days: 1 })).toEqual({ total: 0, first: [] });
  });

  it("count the trend in SQL as the domain's licenseTrend reads the license spans", async () => {
    const now = h.clock.now().getTime();
    const suspended = await h.newLicensedOrganization("PROFESSIONAL");
    const cancelled = await h.newLicensedOrganization("ENTERPRISE");
    await h.db
      .update(licenses)
      .set({
        status: "SUSPENDED",
        suspendedAt: new Date(now - 40 * DAY),
        activatedAt: new Date(now - 90 * DAY),
      })
      .where(eq(licenses.id, suspended.license.id));
    await h.db
      .update(licenses)
      .set({
        status: "CANCELLED",
        cancelledAt: new Date(now - 20 * DAY),
        activatedAt: new Date(now - 70 * DAY),
        createdAt: new Date(now - 75 * DAY),
      })
      .where(eq(licenses.id, cancelled.license.id));
    const spans = await h.db
      .select({
        tier: licenses.tier,
        status: licenses.status,
        createdAt: licenses.createdAt,
        activatedAt: licenses.activatedAt,
        expiresAt: licenses.expiresAt,
        suspendedAt: licenses.suspendedAt,
        cancelledAt: licenses.cancelledAt,
      })
      .from(licenses);
    const staff = await h.caller("staffAdmin");
    expect(await staff.licenses.trend({ months: 6 })).toEqual(
      licenseTrend(spans, trendMonths(6, h.clock.now())),
    );
  });
});
