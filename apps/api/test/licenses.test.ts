import { auditEvents, licenses } from "@tessera/db/schema";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/auth/tokens.ts";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const counts = async () => {
  const [l] = await h.db.select({ n: count() }).from(licenses);
  const [a] = await h.db.select({ n: count() }).from(auditEvents);
  return { licenses: l?.n, audits: a?.n };
};

const freshOrganization = async () => {
  const { organization, license } = await h.newLicensedOrganization("STARTER", "PENDING");
  await h.db.delete(licenses).where(eq(licenses.id, license.id));
  return organization;
};

describe("happy", () => {
  it("create → activate → suspend → reinstate → renew → cancel, each audited", async () => {
    const staff = await h.caller("staffAdmin");
    const organization = await freshOrganization();
    const { license, key } = await staff.licenses.create({
      organizationId: organization.id,
      tier: "PROFESSIONAL",
      termMonths: 6,
    });
    expect(license.status).toBe("PENDING");
    expect(key).toMatch(/^TSR(-[0-9A-Z]{5}){5}-[0-9A-Z]$/);
    expect(license.keyHint).toBe(`…${key.replace(/-/g, "").slice(-4)}`);
    expect(license).not.toHaveProperty("keyHash");

    const active = await staff.licenses.activate({ licenseId: license.id });
    expect(active.status).toBe("ACTIVE");
    expect(active.startsAt).toEqual(h.clock.now());
    expect(active.expiresAt).toEqual(new Date("2026-12-01T12:00:00.000Z"));

    const suspended = await staff.licenses.suspend({ licenseId: license.id, reason: "Invoice overdue" });
    expect(suspended).toMatchObject({ status: "SUSPENDED", suspendedReason: "Invoice overdue" });
    expect((await staff.licenses.reinstate({ licenseId: license.id })).status).toBe("ACTIVE");

    const renewed = await staff.licenses.renew({ licenseId: license.id });
    expect(renewed.expiresAt).toEqual(new Date("2027-06-01T12:00:00.000Z"));

    const cancelled = await staff.licenses.cancel({ licenseId: license.id, reason: "Moved to Enterprise" });
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelledReason: "Moved to Enterprise" });

    const actions = (await staff.audit.list({ targetType: "license", pageSize: 100 })).items
      .filter((event) => event.targetId === license.id)
      .map((event) => event.action)
      .reverse();
    expect(actions).toEqual([
      "license.created",
      "license.activated",
      "license.suspended",
      "license.reinstated",
      "license.renewed",
      "license.cancelled",
    ]);
  });

  it("stores only the key's hash and last four characters", async () => {
    const [row] = await h.db.select().from(licenses).where(eq(licenses.id, h.licenseA.id));
    expect(row?.keyHash).toBe(sha256(h.keyA));
    expect(JSON.stringify(row)).not.toContain(h.keyA);
    const audit = await h.db.select().from(auditEvents);
    expect(JSON.stringify(audit)).not.toContain(h.keyA);
  });

  it("CUSTOM takes explicit limits and features", async () => {
    const staff = await h.caller("staffAdmin");
    const organization = await freshOrganization();
    const { license } = await staff.licenses.create({
      organizationId: organization.id,
      tier: "CUSTOM",
      customLimits: { ACTIVE_USERS: 2500, COURSES: null, API_CALLS: 1_000_000, STORAGE_BYTES: 5e11 },
      customFeatures: ["SSO", "INTEGRATIONS"],
      supportResponseCapHours: 2,
      monthlyPriceCents: 450_000,
    });
    expect(license.entitlements).toMatchObject({
      limits: { ACTIVE_USERS: 2500, COURSES: null },
      features: ["SSO", "INTEGRATIONS"],
      supportResponseCapHours: 2,
    });
  });

  it("rotating the key with oldKeyExpiresIn now stops the old one at once", async () => {
    const { license, key: oldKey } = await h.newLicensedOrganization("STARTER");
    const owner = await h.caller("staffAdmin");
    const { key: newKey, previousKeyExpiresAt } = await owner.licenses.rotateKey({
      licenseId: license.id,
      oldKeyExpiresIn: "now",
    });
    expect(previousKeyExpiresAt).toBeNull();
    const anonymous = await h.caller("anonymous");
    expect((await anonymous.licenses.validate({ key: oldKey })).code).toBe("NOT_FOUND");
    expect((await anonymous.licenses.validate({ key: newKey })).code).toBe("VALID");
  });

  it("a customer sees its own license and history, rotates its key", async () => {
    const owner = await h.caller("ownerA");
    const mine = await owner.licenses.mine();
    expect(mine.current?.id).toBe(h.licenseA.id);
    expect(mine.history.map((license) => license.id)).toContain(h.licenseA.id);
    expect(mine.history.map((license) => license.id)).not.toContain(h.licenseB.id);
    expect(mine.history.every((license) => license.organizationId === h.orgA.id)).toBe(true);
    const rotated = await owner.licenses.rotateMyKey({ licenseId: h.licenseA.id });
    expect(rotated.key).toMatch(/^TSR-/);
    h.keyA = rotated.key;
  });

  it("lists with filters, sort and paging; stats count by tier and status", async () => {
    const staff = await h.caller("staffAdmin");
    const starters = await staff.licenses.list({
      tier: "STARTER",
      status: "ACTIVE",
      sort: "expiresAt",
      direction: "asc",
    });
    expect(starters.items.length).toBeGreaterThan(0);
    expect(starters.items.every((license) => license.tier === "STARTER" && license.status === "ACTIVE")).toBe(
      true,
    );
    expect(starters.total).toBeGreaterThan(0);
    const page = await staff.licenses.list({ pageSize: 1, page: 2 });
    expect(page.items).toHaveLength(1);
    const stats = await staff.licenses.stats();
    expect(stats.byTier.PROFESSIONAL.ACTIVE).toBeGreaterThanOrEqual(1);
    expect(stats.total).toBe((await counts()).licenses);
  });

  it("finds licenses expiring within N days, reading expiry at query time", async () => {
    const staff = await h.caller("staffAdmin");
    const { license } = await h.newLicensedOrganization("STARTER");
    await h.db
      .update(licenses)
      .set({ expiresAt: new Date(h.clock.now().getTime() + 5 * 86_400_000) })
      .where(eq(licenses.id, license.id));
    expect((await staff.licenses.expiring({ days: 7 })).map((row) => row.id)).toContain(license.id);
    expect((await staff.licenses.expiring({ days: 3 })).map((row) => row.id)).not.toContain(license.id);
    expect((await staff.licenses.list({ expiringWithinDays: 7 })).items.map((row) => row.id)).toContain(
      license.id,
    );
  });
});

describe("validation", () => {
  it("answers VALID with the license summary, limits and features", async () => {
    const result = await (await h.caller("anonymous")).licenses.validate({ key: h.keyB.toLowerCase() });
    expect(result).toMatchObject({
      valid: true,
      code: "VALID",
      license: { id: h.licenseB.id, tier: "STARTER", status: "ACTIVE", organizationId: h.orgB.id },
      limits: { ACTIVE_USERS: 100 },
    });
    expect(result.features).toContain("BRANDING");
  });

  it.each([
    ["PENDING", "NOT_ACTIVATED"],
    ["SUSPENDED", "SUSPENDED"],
  ] as const)("a %s license answers %s", async (status, code) => {
    const { key } = await h.newLicensedOrganization("STARTER", status);
    const result = await (await h.caller("anonymous")).licenses.validate({ key });
    expect(result).toMatchObject({ valid: false, code });
  });

  it("judges expiry at read time, before any sweep", async () => {
    const { license, key } = await h.newLicensedOrganization("STARTER");
    await h.db
      .update(licenses)
      .set({ expiresAt: new Date(h.clock.now().getTime() - 1000) })
      .where(eq(licenses.id, license.id));
    expect((await (await h.caller("anonymous")).licenses.validate({ key })).code).toBe("EXPIRED");
  });

  it("answers CANCELLED, FEATURE_NOT_ENTITLED and OVER_LIMIT", async () => {
    const anonymous = await h.caller("anonymous");
    const { license, key } = await h.newLicensedOrganization("STARTER");
    expect((await anonymous.licenses.validate({ key, feature: "SSO" })).code).toBe("FEATURE_NOT_ENTITLED");
    // STARTER allows 10 % over its 100 users during the grace: 111 is past that.
    expect((await anonymous.licenses.validate({ key, metric: "ACTIVE_USERS", increment: 111 })).code).toBe(
      "OVER_LIMIT",
    );
    expect((await anonymous.licenses.validate({ key, metric: "ACTIVE_USERS", increment: 100 })).code).toBe(
      "VALID",
    );
    await (await h.caller("staffAdmin")).licenses.cancel({ licenseId: license.id, reason: "test" });
    expect((await anonymous.licenses.validate({ key })).code).toBe("CANCELLED");
  });

  it("answers NOT_FOUND for a well-formed unknown key", async () => {
    const { licenseKeyFromBytes } = await import("@tessera/domain");
    const unknown = licenseKeyFromBytes(new Uint8Array(16).fill(7));
    expect((await (await h.caller("anonymous")).licenses.validate({ key: unknown })).code).toBe("NOT_FOUND");
  });

  it("refuses a mistyped key with 400 naming the field", async () => {
    const anonymous = await h.caller("anonymous");
    const typo = h.keyB.slice(0, -1) + (h.keyB.endsWith("0") ? "1" : "0");
    expect(await errorField(anonymous.licenses.validate({ key: typo }))).toBe("key");
    expect(await errorField(anonymous.licenses.validate({ key: "hello" }))).toBe("key");
    expect(await errorField(anonymous.licenses.validate({ key: "x".repeat(101) }))).toBe("key");
    expect(await errorField(anonymous.licenses.validate({ key: h.keyB, metric: "COURSES" }))).toBe(
      "increment",
    );
  });

  it("rate-limits per key", async () => {
    const limited = await createTestHarness({ VALIDATE_MAX_PER_KEY: "3" });
    try {
      const anonymous = await limited.caller("anonymous");
      for (let call = 0; call < 3; call++) await anonymous.licenses.validate({ key: limited.keyB });
      expect(await errorCode(anonymous.licenses.validate({ key: limited.keyB }))).toBe("RATE_LIMITED");
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      // another key is not affected
      expect((await anonymous.licenses.validate({ key: limited.keyA })).code).toBe("VALID");
    } finally {
      await limited.close();
    }
  });
});

describe("error", () => {
  it.each([
    [{ tier: "GOLD" }, "tier"],
    [{ termMonths: 0 }, "termMonths"],
    [{ termMonths: 121 }, "termMonths"],
    [{ termMonths: 1.5 }, "termMonths"],
    [{ startsAt: "2026-07-01", expiresAt: "2026-06-01" }, "expiresAt"],
    [{ tier: "CUSTOM" }, "customLimits"],
    [
      { tier: "CUSTOM", customLimits: { ACTIVE_USERS: -1, COURSES: 1, API_CALLS: 1, STORAGE_BYTES: 1 } },
      "customLimits.ACTIVE_USERS",
    ],
    [
      { tier: "CUSTOM", customLimits: { ACTIVE_USERS: 1.5, COURSES: 1, API_CALLS: 1, STORAGE_BYTES: 1 } },
      "customLimits.ACTIVE_USERS",
    ],
    [{ customLimits: { ACTIVE_USERS: 1, COURSES: 1, API_CALLS: 1, STORAGE_BYTES: 1 } }, "customLimits"],
    [{ organizationId: "nope" }, "organizationId"],
  ])("refuses %j naming %s, writing nothing", async (patch, field) => {
    const organization = await freshOrganization();
    const before = await counts();
    const staff = await h.caller("staffAdmin");
    const input = { organizationId: organization.id, tier: "STARTER", ...patch } as Parameters<
      typeof staff.licenses.create
    >[0];
    expect(await errorField(staff.licenses.create(input))).toBe(field);
    expect(await counts()).toEqual(before);
  });

  it("refuses a second license in force for an organisation", async () => {
    const staff = await h.caller("staffAdmin");
    const before = await counts();
    const call = staff.licenses.create({ organizationId: h.orgA.id, tier: "ENTERPRISE" });
    expect(await errorCode(call)).toBe("LICENSE_IN_FORCE");
    expect(await counts()).toEqual(before);
  });

  it("answers 404 for an unknown license or organisation", async () => {
    const staff = await h.caller("staffAdmin");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await errorCode(staff.licenses.get({ licenseId: unknown }))).toBe("NOT_FOUND");
    expect(await errorCode(staff.licenses.activate({ licenseId: unknown }))).toBe("NOT_FOUND");
    expect(await errorCode(staff.licenses.create({ organizationId: unknown, tier: "STARTER" }))).toBe(
      "NOT_FOUND",
    );
  });

  it("names the current state when a transition is refused", async () => {
    const staff = await h.caller("staffAdmin");
    const { license } = await h.newLicensedOrganization("STARTER", "PENDING");
    try {
      await staff.licenses.suspend({ licenseId: license.id, reason: "x" });
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).toContain("PENDING");
    }
    expect(await errorCode(staff.licenses.reinstate({ licenseId: license.id }))).toBe(
      "LICENSE_INVALID_TRANSITION",
    );
  });

  it("a customer cannot touch another organisation's license", async () => {
    const ownerB = await h.caller("ownerB");
    expect(await errorCode(ownerB.licenses.rotateMyKey({ licenseId: h.licenseA.id }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerB.licenses.myToken({ licenseId: h.licenseA.id }))).toBe("NOT_FOUND");
  });
});

describe("concurrency", () => {
  it.each(["activate", "suspend", "renew", "cancel"] as const)(
    "two concurrent %s calls take effect once",
    async (action) => {
      const staff = await h.caller("staffAdmin");
      const { license } = await h.newLicensedOrganization(
        "STARTER",
        action === "activate" ? "PENDING" : "ACTIVE",
      );
      const [before] = await h.db.select().from(licenses).where(eq(licenses.id, license.id));
      // As the console sends them: each call names the version it saw.
      const expectedVersion = before?.version ?? 0;
      const call = () =>
        action === "activate"
          ? staff.licenses.activate({ licenseId: license.id, expectedVersion })
          : action === "renew"
            ? staff.licenses.renew({ licenseId: license.id, expectedVersion })
            : staff.licenses[action]({ licenseId: license.id, reason: "race", expectedVersion });
      const codes = await Promise.all([errorCode(call()), errorCode(call()), errorCode(call())]);
      expect(codes.filter((code) => code === "OK")).toHaveLength(1);
      expect(
        codes
          .filter((code) => code !== "OK")
          .every((code) => ["STALE_VERSION", "LICENSE_INVALID_TRANSITION"].includes(code)),
      ).toBe(true);
      const [after] = await h.db.select().from(licenses).where(eq(licenses.id, license.id));
      expect(after?.version).toBe((before?.version ?? 0) + 1);
      const audits = await h.db.select().from(auditEvents).where(eq(auditEvents.targetId, license.id));
      expect(
        audits.filter((event) =>
          event.action.endsWith(
            action === "activate"
              ? "activated"
              : action === "renew"
                ? "renewed"
                : action === "suspend"
                  ? "suspended"
                  : "cancelled",
          ),
        ),
      ).toHaveLength(1);
    },
  );

  it("two concurrent creates for one organisation make one license", async () => {
    const staff = await h.caller("staffAdmin");
    const organization = await freshOrganization();
    const codes = await Promise.all(
      [1, 2, 3].map(() =>
        errorCode(staff.licenses.create({ organizationId: organization.id, tier: "STARTER" })),
      ),
    );
    expect(codes.sort()).toEqual(["LICENSE_IN_FORCE", "LICENSE_IN_FORCE", "OK"]);
  });
});
