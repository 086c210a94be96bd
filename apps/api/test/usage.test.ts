import { auditEvents, usageAlerts, usageDaily, usageEvents, usageMonthly } from "@tessera/db/schema";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneUsageEvents } from "../src/usage/retention.ts";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

/** A fresh organisation with a license of the tier and a platform key for it. */
const platform = async (tier: "STARTER" | "PROFESSIONAL" | "ENTERPRISE" = "STARTER") => {
  const fixture = await h.newLicensedOrganization(tier);
  const staff = await h.caller("staffAdmin");
  const key = await staff.apiKeys.create({
    organizationId: fixture.organization.id,
    name: "platform",
    scopes: ["usage:write"],
  });
  return { ...fixture, apiKey: key, caller: await h.callerWithApiKey(key.key) };
};

const counts = async (organizationId: string) => {
  const [events] = await h.db
    .select({ n: count() })
    .from(usageEvents)
    .where(eq(usageEvents.organizationId, organizationId));
  const [daily] = await h.db
    .select({ n: count() })
    .from(usageDaily)
    .where(eq(usageDaily.organizationId, organizationId));
  return { events: events?.n, daily: daily?.n };
};

let sequence = 0;
const key = () => `evt-${sequence++}`;

describe("ingestion", () => {
  it("adds counters, keeps the latest gauge of the day, and reports current usage", async () => {
    const { organization, caller } = await platform();
    const now = h.clock.now();
    const earlier = new Date(now.getTime() - 3600_000);
    await caller.usage.trackBatch({
      events: [
        { metric: "API_CALLS", value: 100, idempotencyKey: key() },
        { metric: "API_CALLS", value: 250, idempotencyKey: key() },
        { metric: "ACTIVE_USERS", value: 40, occurredAt: now, idempotencyKey: key() },
        // a late-arriving older reading never overwrites a newer one
        { metric: "ACTIVE_USERS", value: 35, occurredAt: earlier, idempotencyKey: key() },
      ],
    });
    await caller.usage.track({ metric: "COURSES", value: 4, idempotencyKey: key() });
    const staff = await h.caller("staffAdmin");
    const current = await staff.usage.current({ organizationId: organization.id });
    expect(current.usage).toEqual({ API_CALLS: 350, ACTIVE_USERS: 40, COURSES: 4, STORAGE_BYTES: 0 });
    const limits = await staff.usage.limits({ organizationId: organization.id });
    expect(limits.metrics.ACTIVE_USERS).toEqual({ used: 40, limit: 100, percent: 40, status: "OK" });
  });

  it("counts a retried idempotency key once, also within one batch, and says so", async () => {
    const { organization, caller } = await platform();
    const first = await caller.usage.track({ metric: "API_CALLS", value: 10, idempotencyKey: "retry-1" });
    const again = await caller.usage.track({ metric: "API_CALLS", value: 10, idempotencyKey: "retry-1" });
    expect(first).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(again).toMatchObject({ accepted: 0, duplicates: 1 });
    const batch = await caller.usage.trackBatch({
      events: [
        { metric: "API_CALLS", value: 5, idempotencyKey: "dup-in-batch" },
        { metric: "API_CALLS", value: 5, idempotencyKey: "dup-in-batch" },
      ],
    });
    expect(batch).toMatchObject({ accepted: 1, duplicates: 1 });
    const current = await (await h.caller("staffAdmin")).usage.current({ organizationId: organization.id });
    expect(current.usage.API_CALLS).toBe(15);
  });

  it("racing retries of one event count once", async () => {
    const { organization, caller } = await platform();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        caller.usage.track({ metric: "API_CALLS", value: 7, idempotencyKey: "race" }),
      ),
    );
    expect(results.reduce((sum, result) => sum + result.accepted, 0)).toBe(1);
    const current = await (await h.caller("staffAdmin")).usage.current({ organizationId: organization.id });
    expect(current.usage.API_CALLS).toBe(7);
  });

  it("the monthly rollup agrees with the daily one under concurrent batches and retries", async () => {
    const { organization, caller } = await platform("ENTERPRISE");
    const day = 86_400_000;
    const batches = Array.from({ length: 6 }, (_, batch) => ({
      events: Array.from({ length: 10 }, (_, index) => ({
        metric: index % 2 ? ("API_CALLS" as const) : ("ACTIVE_USERS" as const),
        value: index % 2 ? 5 : 10 + batch * 10 + index,
        occurredAt: new Date(h.clock.now().getTime() - (index % 3) * day),
        idempotencyKey: `monthly-${batch}-${index}`,
      })),
    }));
    // every batch twice, all at once: the retries must not count
    await Promise.all([...batches, ...batches].map((batch) => caller.usage.trackBatch(batch)));
    const daily = await h.db
      .select({ metric: usageDaily.metric, value: usageDaily.value })
      .from(usageDaily)
      .where(eq(usageDaily.organizationId, organization.id));
    const monthly = await h.db
      .select({ metric: usageMonthly.metric, month: usageMonthly.month, value: usageMonthly.value })
      .from(usageMonthly)
      .where(eq(usageMonthly.organizationId, organization.id));
    const month = `${h.clock.now().toISOString().slice(0, 7)}-01`;
    const sumOf = (metric: string) =>
      daily.filter((row) => row.metric === metric).reduce((total, row) => total + row.value, 0);
    // the harness clock sits on the 1st, so the days before fall in the previous month
    expect(monthly.filter((row) => row.metric === "API_CALLS").reduce((t, row) => t + row.value, 0)).toBe(
      sumOf("API_CALLS"),
    );
    expect(sumOf("API_CALLS")).toBe(6 * 5 * 5);
    // the highest level reported: batch 5, index 8
    const peaks = monthly.filter((row) => row.metric === "ACTIVE_USERS").map((row) => row.value);
    expect(Math.max(...peaks)).toBe(10 + 50 + 8);
    expect(monthly.some((row) => row.month === month)).toBe(true);
  });

  it("a batch is all or nothing: one bad event refuses all, naming it", async () => {
    const { organization, caller } = await platform();
    const before = await counts(organization.id);
    const future = new Date(h.clock.now().getTime() + 2 * 3600_000);
    const call = caller.usage.trackBatch({
      events: [
        { metric: "API_CALLS", value: 1, idempotencyKey: key() },
        { metric: "API_CALLS", value: 1, occurredAt: future, idempotencyKey: key() },
      ],
    });
    expect(await errorField(call)).toBe("events.1.occurredAt");
    expect(await counts(organization.id)).toEqual(before);
  });

  it.each([
    [{ metric: "SEATS" }, "metric"],
    [{ value: -1 }, "value"],
    [{ value: 1.5 }, "value"],
    [{ value: 2 ** 53 }, "value"],
    [{ idempotencyKey: "" }, "idempotencyKey"],
    [{ idempotencyKey: "k".repeat(201) }, "idempotencyKey"],
    [{ occurredAt: "2026-04-01T00:00:00Z" }, "occurredAt"],
  ])("refuses %j naming %s, writing nothing", async (patch, field) => {
    const { organization, caller } = await platform();
    const before = await counts(organization.id);
    const input = { metric: "API_CALLS", value: 1, idempotencyKey: key(), ...patch } as Parameters<
      typeof caller.usage.track
    >[0];
    expect(await errorField(caller.usage.track(input))).toBe(field);
    expect(await counts(organization.id)).toEqual(before);
  });

  it("refuses a batch over 1,000 events", async () => {
    const { caller } = await platform();
    const events = Array.from({ length: 1001 }, (_, index) => ({
      metric: "API_CALLS" as const,
      value: 1,
      idempotencyKey: `big-${index}`,
    }));
    expect(await errorField(caller.usage.trackBatch({ events }))).toBe("events");
  });

  it("answers 401 for a revoked key and 403 for a key without usage:write", async () => {
    const { organization, apiKey } = await platform();
    const staff = await h.caller("staffAdmin");
    const readOnly = await staff.apiKeys.create({
      organizationId: organization.id,
      name: "ro",
      scopes: ["license:read"],
    });
    expect(
      await errorCode(
        (await h.callerWithApiKey(readOnly.key)).usage.track({
          metric: "COURSES",
          value: 1,
          idempotencyKey: key(),
        }),
      ),
    ).toBe("FORBIDDEN");
    await staff.apiKeys.revoke({ organizationId: organization.id, apiKeyId: apiKey.id });
    // a caller resolves its key per request: a new request after the revocation
    const afterRevoke = await h.callerWithApiKey(apiKey.key);
    expect(
      await errorCode(afterRevoke.usage.track({ metric: "COURSES", value: 1, idempotencyKey: key() })),
    ).toBe("UNAUTHENTICATED");
  });
});

describe("alerts", () => {
  it("crossing 80 % and 100 % raises each alert once per period, shown to staff and the customer", async () => {
    const { organization, caller } = await platform("STARTER");
    await caller.usage.track({ metric: "COURSES", value: 7, idempotencyKey: key() });
    expect((await caller.usage.track({ metric: "COURSES", value: 8, idempotencyKey: key() })).alerts).toEqual(
      [expect.objectContaining({ metric: "COURSES", threshold: 80, used: 8, limit: 10 })],
    );
    expect((await caller.usage.track({ metric: "COURSES", value: 9, idempotencyKey: key() })).alerts).toEqual(
      [],
    );
    const exceeded = await caller.usage.track({ metric: "COURSES", value: 12, idempotencyKey: key() });
    expect(exceeded.alerts.map((alert) => alert.threshold)).toEqual([100]);
    const staff = await h.caller("staffAdmin");
    const listed = await staff.usage.alerts({ organizationId: organization.id });
    expect(listed.items.map((alert) => alert.threshold).sort()).toEqual([100, 80]);
    const limits = await staff.usage.limits({ organizationId: organization.id });
    expect(limits.metrics.COURSES.status).toBe("EXCEEDED");

    const [alert] = listed.items;
    const acknowledged = await staff.usage.acknowledgeAlert({ alertId: alert?.id ?? "" });
    expect(acknowledged.acknowledgedBy).toBe("admin@staff.test");
    expect((await staff.usage.alerts({ organizationId: organization.id, acknowledged: false })).total).toBe(
      1,
    );
  });

  it("concurrent batches crossing the limit raise each alert exactly once", async () => {
    const { organization, license, caller } = await platform("STARTER");
    await Promise.all(
      Array.from({ length: 6 }, (_, batch) =>
        caller.usage.trackBatch({
          events: Array.from({ length: 5 }, (_, index) => ({
            metric: "API_CALLS" as const,
            value: 500,
            idempotencyKey: `c-${batch}-${index}`,
          })),
        }),
      ),
    );
    const current = await (await h.caller("staffAdmin")).usage.current({ organizationId: organization.id });
    expect(current.usage.API_CALLS).toBe(15_000);
    const alerts = await h.db.select().from(usageAlerts).where(eq(usageAlerts.licenseId, license.id));
    expect(alerts.map((alert) => alert.threshold).sort()).toEqual([100, 80]);
    const audits = await h.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.organizationId, organization.id), eq(auditEvents.action, "usage.alert_raised")),
      );
    expect(audits[0]?.n).toBe(2);
  });

  it("a new month starts counters afresh and may alert again", async () => {
    const { organization, caller } = await platform("STARTER");
    await caller.usage.track({ metric: "API_CALLS", value: 9000, idempotencyKey: key() });
    const staff = await h.caller("staffAdmin"); // signed in before the month turns
    h.clock.set(new Date("2026-07-01T00:30:00Z"));
    try {
      const july = await caller.usage.track({ metric: "API_CALLS", value: 8500, idempotencyKey: key() });
      expect(july.alerts).toEqual([
        expect.objectContaining({ threshold: 80, period: "2026-07", used: 8500 }),
      ]);
      const current = await staff.usage.current({ organizationId: organization.id });
      expect(current).toMatchObject({ period: "2026-07", usage: { API_CALLS: 8500 } });
    } finally {
      h.clock.set(new Date("2026-06-01T12:00:00.000Z"));
    }
  });
});

describe("reports and enforcement", () => {
  it("reports daily series, totals and peaks between two days, and as CSV", async () => {
    const { organization, caller } = await platform("PROFESSIONAL");
    const day = (offset: number) => new Date(h.clock.now().getTime() - offset * 86_400_000);
    await caller.usage.trackBatch({
      events: [
        { metric: "API_CALLS", value: 100, occurredAt: day(2), idempotencyKey: key() },
        { metric: "API_CALLS", value: 300, occurredAt: day(1), idempotencyKey: key() },
        { metric: "API_CALLS", value: 50, occurredAt: day(0), idempotencyKey: key() },
        { metric: "ACTIVE_USERS", value: 20, occurredAt: day(2), idempotencyKey: key() },
        { metric: "ACTIVE_USERS", value: 25, occurredAt: day(0), idempotencyKey: key() },
      ],
    });
    const staff = await h.caller("staffAdmin");
    const range = { organizationId: organization.id, from: day(3), to: day(0) };
    const report = await staff.usage.report(range);
    expect(report.days).toHaveLength(4);
    expect(report.series.API_CALLS.map((point) => point.value)).toEqual([100, 300, 50]);
    expect(report.totals).toMatchObject({ API_CALLS: 450, ACTIVE_USERS: 25 });
    expect(report.peaks.API_CALLS).toEqual({ day: "2026-05-31", value: 300 });
    expect(report.limits?.ACTIVE_USERS).toBe(500);
    const csv = await staff.usage.reportCsv(range);
    expect(csv.split("\r\n")[0]).toBe("Date (UTC),Active users,Courses,API calls,Storage (bytes)");
    expect(csv).toContain("\r\n2026-05-31,,,300,\r\n");
  });

  it("refuses a reversed range or one over two years, naming the field", async () => {
    const staff = await h.caller("staffAdmin");
    expect(
      await errorField(
        staff.usage.report({ organizationId: h.orgA.id, from: "2026-06-01", to: "2026-05-01" }),
      ),
    ).toBe("to");
    expect(
      await errorField(
        staff.usage.report({ organizationId: h.orgA.id, from: "2023-01-01", to: "2026-01-01" }),
      ),
    ).toBe("to");
  });

  it("licenses.validate answers OVER_LIMIT when an increment would pass the limit", async () => {
    const { key: licenseKey, caller } = await platform("STARTER");
    await caller.usage.track({ metric: "ACTIVE_USERS", value: 100, idempotencyKey: key() });
    const anonymous = await h.caller("anonymous");
    // Past the 10 % tolerance: no grace applies.
    const over = await anonymous.licenses.validate({
      key: licenseKey,
      metric: "ACTIVE_USERS",
      increment: 11,
    });
    expect(over).toMatchObject({ valid: false, code: "OVER_LIMIT", usage: { ACTIVE_USERS: 100 } });
    expect(
      (await anonymous.licenses.validate({ key: licenseKey, metric: "COURSES", increment: 1 })).code,
    ).toBe("VALID");
  });

  it("staff see who is near or over a limit, and the top consumers", async () => {
    const { organization, caller } = await platform("STARTER");
    await caller.usage.track({ metric: "STORAGE_BYTES", value: 10 * 1024 ** 3, idempotencyKey: key() });
    const stats = await (await h.caller("staffAdmin")).usage.stats({ pageSize: 5 });
    expect(stats.atRisk.first.map((entry) => entry.organizationId)).toContain(organization.id);
    expect(stats.organizations.items[0]?.worstPercent).toBeGreaterThanOrEqual(100);
    expect(stats.organizations.items.length).toBeLessThanOrEqual(5);
    expect(stats.organizations.total).toBeGreaterThan(5);
    const second = await (await h.caller("staffAdmin")).usage.stats({ pageSize: 5, page: 2 });
    expect(second.organizations.items[0]?.worstPercent).toBeLessThanOrEqual(
      stats.organizations.items.at(-1)?.worstPercent ?? 0,
    );
    expect(stats.topConsumers.STORAGE_BYTES[0]?.organizationId).toBe(organization.id);
  });

  it("filters the organisations by their worst limit status, as the dashboard's figures count them", async () => {
    const warned = await platform("STARTER");
    await warned.caller.usage.track({ metric: "COURSES", value: 8, idempotencyKey: key() });
    const over = await platform("STARTER");
    await over.caller.usage.track({ metric: "COURSES", value: 11, idempotencyKey: key() });
    const staff = await h.caller("staffViewer");
    const all = await staff.usage.stats({ pageSize: 100 });
    const ids = async (status: "AT_RISK" | "WARNING" | "EXCEEDED") =>
      (await staff.usage.stats({ pageSize: 100, status })).organizations.items.map(
        (entry) => entry.organizationId,
      );
    const warning = await ids("WARNING");
    const exceeded = await ids("EXCEEDED");
    expect(warning).toContain(warned.organization.id);
    expect(warning).not.toContain(over.organization.id);
    expect(exceeded).toContain(over.organization.id);
    expect(exceeded).not.toContain(warned.organization.id);
    expect(warning).toHaveLength(all.atRisk.warning);
    expect(exceeded).toHaveLength(all.atRisk.total - all.atRisk.warning);
    expect((await ids("AT_RISK")).sort()).toEqual([...warning, ...exceeded].sort());
  });

  it("a customer sees only its own usage and alerts", async () => {
    // both organisations hold an alert, made here so the test stands alone
    const otherAlert = await h.newAlert(h.orgA.id);
    const ownAlert = await h.newAlert(h.orgB.id);
    const owner = await h.caller("ownerB");
    const alerts = await owner.usage.myAlerts({ pageSize: 100 });
    const listed = alerts.items.map((alert) => alert.id);
    expect(listed).toContain(ownAlert);
    expect(listed).not.toContain(otherAlert);
    expect(alerts.items.every((alert) => alert.organizationId === h.orgB.id)).toBe(true);
    const limits = await owner.usage.myLimits();
    expect(limits.licenseId).toBe(h.licenseB.id);
  });

  it("prunes raw events after 90 days and keeps the rollups", async () => {
    const { organization, caller } = await platform();
    await caller.usage.track({ metric: "API_CALLS", value: 3, idempotencyKey: key() });
    const before = await counts(organization.id);
    await pruneUsageEvents(h, new Date(h.clock.now().getTime() + 91 * 86_400_000));
    const after = await counts(organization.id);
    expect(after.events).toBe(0);
    expect(after.daily).toBe(before.daily);
  });
});
