import { licenseOverages } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { decodeJwt } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ingestUsage } from "../src/usage/ingest.ts";
import { createTestHarness, errorCode, errorField, TEST_START, type TestHarness } from "./harness.ts";
import { RACES_NEED_POSTGRES, raceIt } from "./races-need-postgres.ts";
import { useRestClient } from "./support/rest-client.ts";
import { startLicenseApp } from "./support/rest-license-fixtures.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());
afterEach(() => h.clock.set(TEST_START));

const day = 86_400_000;
let sequence = 0;
const key = () => `grace-${sequence++}`;

/** A fresh STARTER organisation (100 users, 10 % tolerance, 7 days of grace) and a platform key. */
const platform = async (tier: "STARTER" | "PROFESSIONAL" = "STARTER") => {
  const fixture = await h.newLicensedOrganization(tier);
  const staff = await h.caller("staffAdmin");
  const apiKey = await staff.apiKeys.create({
    organizationId: fixture.organization.id,
    name: "platform",
    scopes: ["usage:write"],
  });
  return { ...fixture, caller: await h.callerWithApiKey(apiKey.key) };
};

const overRows = (licenseId: string) =>
  h.db.select().from(licenseOverages).where(eq(licenseOverages.licenseId, licenseId));

describe("grace past a limit over tRPC", () => {
  it("validates VALID with the warning inside the grace, OVER_LIMIT after it or past the tolerance", async () => {
    const { license, key: licenseKey, caller } = await platform();
    const anonymous = await h.caller("anonymous");
    const ask = (increment: number) =>
      anonymous.licenses.validate({ key: licenseKey, metric: "ACTIVE_USERS", increment });
    // Cached before usage passes the limit: the recorded overSince must still reach validation.
    expect(await ask(1)).toMatchObject({ code: "VALID", warning: null, graceEndsAt: null });
    const overAt = h.clock.now();
    await caller.usage.track({ metric: "ACTIVE_USERS", value: 105, idempotencyKey: key() });
    const graceEndsAt = new Date(overAt.getTime() + 7 * day);
    // A second on (well within the cache's lifetime): the grace still ends 7 days from the record.
    h.clock.advance(1000);
    expect(await ask(1)).toMatchObject({
      valid: true,
      code: "VALID",
      warning: "OVER_LIMIT_GRACE",
      graceEndsAt,
      usage: { ACTIVE_USERS: 105 },
    });
    expect(await ask(6)).toMatchObject({ valid: false, code: "OVER_LIMIT", warning: null });
    h.clock.set(new Date(graceEndsAt.getTime() - 1000));
    expect((await ask(1)).warning).toBe("OVER_LIMIT_GRACE");
    h.clock.set(graceEndsAt);
    expect(await ask(1)).toMatchObject({ valid: false, code: "OVER_LIMIT", graceEndsAt: null });
    expect((await overRows(license.id)).map((row) => row.overSince)).toEqual([overAt]);
  });

  it("records overSince once, clears it back within the limit, and restarts the grace after", async () => {
    const { license, caller } = await platform();
    const first = h.clock.now();
    await caller.usage.track({ metric: "ACTIVE_USERS", value: 101, idempotencyKey: key() });
    h.clock.advance(day);
    await caller.usage.track({ metric: "ACTIVE_USERS", value: 108, idempotencyKey: key() });
    expect((await overRows(license.id)).map((row) => row.overSince)).toEqual([first]);
    await caller.usage.track({ metric: "ACTIVE_USERS", value: 100, idempotencyKey: key() });
    expect(await overRows(license.id)).toEqual([]);
    h.clock.advance(day);
    const again = h.clock.now();
    await caller.usage.track({ metric: "ACTIVE_USERS", value: 102, idempotencyKey: key() });
    expect(await overRows(license.id)).toMatchObject([{ metric: "ACTIVE_USERS", overSince: again }]);
  });

  it("restarts a counter's grace in a new month, as its total does", async () => {
    const { license, key: licenseKey, caller } = await platform();
    await caller.usage.track({ metric: "API_CALLS", value: 10_001, idempotencyKey: key() });
    const nextMonth = new Date("2026-07-02T00:00:00.000Z");
    h.clock.set(nextMonth);
    // Nothing booked yet this month: last month's record does not count.
    const anonymous = await h.caller("anonymous");
    const fresh = await anonymous.licenses.validate({
      key: licenseKey,
      metric: "API_CALLS",
      increment: 10_001,
    });
    expect(fresh).toMatchObject({ code: "VALID", warning: "OVER_LIMIT_GRACE" });
    await caller.usage.track({ metric: "API_CALLS", value: 10_500, idempotencyKey: key() });
    expect(await overRows(license.id)).toMatchObject([{ metric: "API_CALLS", overSince: nextMonth }]);
  });

  it("shows staff and the customer each metric's tolerance, grace and the grace's end", async () => {
    // Organisation A's own PROFESSIONAL license (500 users, 10 %, 14 days), so its owner reads it too.
    const overAt = h.clock.now();
    await ingestUsage(h.system, h.orgA.id, [{ metric: "ACTIVE_USERS", value: 520, idempotencyKey: key() }]);
    const staffView = await (await h.caller("staffAdmin")).licenses.get({ licenseId: h.licenseA.id });
    expect(staffView.entitlements.overage.ACTIVE_USERS).toEqual({ tolerancePercent: 10, graceDays: 14 });
    expect(staffView.entitlements.overage.API_CALLS).toEqual({ tolerancePercent: 25, graceDays: 14 });
    expect(staffView.overLimit).toEqual([
      {
        metric: "ACTIVE_USERS",
        used: 520,
        limit: 500,
        overSince: overAt,
        inGrace: true,
        graceEndsAt: new Date(overAt.getTime() + 14 * day),
      },
    ]);
    const { current } = await (await h.caller("ownerA")).licenses.mine();
    expect(current?.entitlements.overage).toEqual(staffView.entitlements.overage);
    expect(current?.overLimit).toEqual(staffView.overLimit);
    // Past the tolerance the page says so: no longer in grace.
    await ingestUsage(h.system, h.orgA.id, [{ metric: "ACTIVE_USERS", value: 551, idempotencyKey: key() }]);
    const past = await (await h.caller("ownerA")).licenses.mine();
    expect(past.current?.overLimit).toMatchObject([
      { metric: "ACTIVE_USERS", inGrace: false, graceEndsAt: null },
    ]);
  });
});

describe("overage settings on CUSTOM licenses", () => {
  const customLicense = async () => {
    const { organization } = await h.newLicensedOrganization("STARTER");
    const staff = await h.caller("staffAdmin");
    const { current } = await staff.licenses.byOrganization({ organizationId: organization.id });
    await staff.licenses.cancel({ licenseId: current?.id ?? "", reason: "moving to CUSTOM" });
    const created = await staff.licenses.create({
      organizationId: organization.id,
      tier: "CUSTOM",
      customLimits: { ACTIVE_USERS: 1000, COURSES: null, API_CALLS: 50_000, STORAGE_BYTES: null },
      overage: { API_CALLS: { tolerancePercent: 50, graceDays: 30 } },
    });
    await staff.licenses.activate({ licenseId: created.license.id });
    return { staff, license: created.license, key: created.key };
  };

  it("staff set tolerance and grace per metric; validation and the signed token follow them", async () => {
    const { staff, license, key: licenseKey } = await customLicense();
    expect(license.entitlements.overage.API_CALLS).toEqual({ tolerancePercent: 50, graceDays: 30 });
    await staff.licenses.updateSettings({
      licenseId: license.id,
      overage: { ACTIVE_USERS: { tolerancePercent: 0, graceDays: 0 } },
    });
    const read = await staff.licenses.get({ licenseId: license.id });
    expect(read.entitlements.overage.ACTIVE_USERS).toEqual({ tolerancePercent: 0, graceDays: 0 });
    expect(read.entitlements.overage.API_CALLS).toEqual({ tolerancePercent: 50, graceDays: 30 });
    const anonymous = await h.caller("anonymous");
    const ask = (metric: "ACTIVE_USERS" | "API_CALLS", increment: number) =>
      anonymous.licenses.validate({ key: licenseKey, metric, increment });
    expect((await ask("ACTIVE_USERS", 1001)).code).toBe("OVER_LIMIT");
    expect(await ask("API_CALLS", 75_000)).toMatchObject({ code: "VALID", warning: "OVER_LIMIT_GRACE" });
    expect((await ask("API_CALLS", 75_001)).code).toBe("OVER_LIMIT");
    const { token } = await staff.licenses.issueToken({ licenseId: license.id });
    expect(decodeJwt(token).overage).toMatchObject({
      ACTIVE_USERS: { tolerancePercent: 0, graceDays: 0 },
      API_CALLS: { tolerancePercent: 50, graceDays: 30 },
      COURSES: { tolerancePercent: 10, graceDays: 7 },
    });
  });

  it("refuses overage on other tiers and out-of-range values, naming the field", async () => {
    const { license } = await h.newLicensedOrganization("STARTER");
    const staff = await h.caller("staffAdmin");
    const set = (overage: unknown) =>
      staff.licenses.updateSettings({ licenseId: license.id, overage } as never);
    expect(await errorField(set({ API_CALLS: { tolerancePercent: 5, graceDays: 3 } }))).toBe("overage");
    expect(await errorCode(set({ API_CALLS: { tolerancePercent: 101, graceDays: 3 } }))).toBe(
      "VALIDATION_FAILED",
    );
    expect(await errorField(set({ API_CALLS: { tolerancePercent: 101, graceDays: 3 } }))).toBe(
      "overage.API_CALLS.tolerancePercent",
    );
    expect(await errorField(set({ COURSES: { tolerancePercent: 5, graceDays: 91 } }))).toBe(
      "overage.COURSES.graceDays",
    );
  });

  it("a staff member who is not an ADMIN cannot change them", async () => {
    const { license } = await customLicense();
    const support = await h.caller("staffSupport");
    expect(
      await errorCode(
        support.licenses.updateSettings({
          licenseId: license.id,
          overage: { API_CALLS: { tolerancePercent: 100, graceDays: 90 } },
        }),
      ),
    ).toBe("FORBIDDEN");
  });
});

describe("racing batches", () => {
  raceIt(`two batches passing the limit at once record one overSince ${RACES_NEED_POSTGRES}`, async () => {
    const { organization, license } = await h.newLicensedOrganization("STARTER");
    const at = (offset: number) => {
      const now = new Date(TEST_START.getTime() + offset);
      return { db: h.deps.db, clock: { now: () => now }, actor: null, ip: null };
    };
    const batch = (offset: number) =>
      ingestUsage(at(offset), organization.id, [
        { metric: "ACTIVE_USERS", value: 105 + offset, idempotencyKey: key() },
        { metric: "API_CALLS", value: 6_000, idempotencyKey: key() },
      ]);
    await Promise.all([batch(1), batch(2), batch(3), batch(4)]);
    const rows = await overRows(license.id);
    expect(rows.map((row) => row.metric).sort()).toEqual(["ACTIVE_USERS", "API_CALLS"]);
    const since = rows.map((row) => row.overSince.getTime() - TEST_START.getTime());
    for (const offset of since) expect([1, 2, 3, 4]).toContain(offset);
    // A later batch, still over, keeps the first record.
    await batch(10);
    expect((await overRows(license.id)).map((row) => row.overSince.getTime()).sort()).toEqual(
      rows.map((row) => row.overSince.getTime()).sort(),
    );
  });
});

describe("grace past a limit over REST", () => {
  let fixture: Awaited<ReturnType<typeof startLicenseApp>>;
  const rest = useRestClient("license-grace.test.ts", () => fixture.app.url);
  beforeAll(async () => {
    fixture = await startLicenseApp("license-grace-test");
  });
  afterAll(() => fixture.app.close());

  it("answers the warning and the grace's end, then OVER_LIMIT after the grace", async () => {
    const organization = await fixture.organization("grace-rest");
    const { key: licenseKey } = (await fixture.license(organization.id)) as { key: string };
    const overAt = fixture.clock.now();
    await ingestUsage(fixture.system, organization.id, [
      { metric: "ACTIVE_USERS", value: 109, idempotencyKey: "rest-grace-1" },
    ]);
    const ask = () =>
      rest<{ code: string; warning: string | null; graceEndsAt: string | null }>(
        "POST",
        "/api/v1/licenses/validate",
        { body: { key: licenseKey, metric: "ACTIVE_USERS", increment: 1 } },
      );
    const inGrace = await ask();
    expect(inGrace.status).toBe(200);
    expect(inGrace.body).toMatchObject({
      valid: true,
      code: "VALID",
      warning: "OVER_LIMIT_GRACE",
      graceEndsAt: new Date(overAt.getTime() + 7 * day).toISOString(),
    });
    fixture.clock.advance(7 * day);
    expect((await ask()).body).toMatchObject({
      valid: false,
      code: "OVER_LIMIT",
      warning: null,
      graceEndsAt: null,
    });
  });
});
