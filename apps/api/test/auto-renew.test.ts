import { auditEvents, invoices, licenses } from "@tessera/db/schema";
import { addMonths, DomainError } from "@tessera/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runLicenseSweep } from "../src/jobs/license-sweep.ts";
import type { BillingPort } from "../src/licenses/billing.ts";
import { createTestHarness, type TestHarness } from "./harness.ts";
import { RACES_NEED_POSTGRES, raceIt } from "./races-need-postgres.ts";

/**
 * Auto-renewal never locks a customer out: the sweep renews ahead of expiry, and until it has
 * tried, validation keeps an auto-renewing license in force past its expiry.
 */
let h: TestHarness;
let start: Date;
beforeAll(async () => {
  h = await createTestHarness();
  start = h.clock.now();
});
afterAll(() => h.close());
afterEach(() => h.clock.set(start));

const MINUTE = 60_000;
const SECOND = 1000;

/** An ACTIVE license expiring `inMs` from now, auto-renewing or not. */
const expiringLicense = async (inMs: number, autoRenew: boolean) => {
  const { license, key } = await h.newLicensedOrganization("PROFESSIONAL");
  const expiresAt = new Date(h.clock.now().getTime() + inMs);
  await h.db.update(licenses).set({ expiresAt, autoRenew }).where(eq(licenses.id, license.id));
  return { license, key, expiresAt };
};
const read = async (licenseId: string) =>
  (await h.db.select().from(licenses).where(eq(licenses.id, licenseId)))[0];
const validate = async (key: string) => (await (await h.caller("anonymous")).licenses.validate({ key })).code;
const renewals = (licenseId: string) =>
  h.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, licenseId), eq(auditEvents.action, "license.auto_renewed")));

/** A billing port that refuses every charge, as a payment provider declining would. */
const refusingBilling: BillingPort = {
  chargeRenewal: () => {
    throw new DomainError("FORBIDDEN", "The payment method was declined");
  },
};

describe("auto-renewal", () => {
  it("an auto-renewing license validates a second past its expiry, before any sweep", async () => {
    const { license, key, expiresAt } = await expiringLicense(30 * MINUTE, true);
    h.clock.set(new Date(expiresAt.getTime() + SECOND));
    expect(await validate(key)).toBe("VALID");
    const view = await (await h.caller("staffAdmin")).licenses.get({ licenseId: license.id });
    expect(view.status).toBe("ACTIVE");
  });

  it("without auto-renew the license reads EXPIRED at its expiry", async () => {
    const { license, key, expiresAt } = await expiringLicense(30 * MINUTE, false);
    h.clock.set(new Date(expiresAt.getTime() + SECOND));
    expect(await validate(key)).toBe("EXPIRED");
    await runLicenseSweep(h.deps, h.clock.now());
    expect((await read(license.id))?.status).toBe("EXPIRED");
  });

  it("the sweep renews ahead of expiry, by the term, once even when run twice", async () => {
    const { license, key, expiresAt } = await expiringLicense(30 * MINUTE, true);
    const now = h.clock.now();
    await runLicenseSweep(h.deps, now);
    await runLicenseSweep(h.deps, now);
    const row = await read(license.id);
    expect(row?.expiresAt).toEqual(addMonths(expiresAt, 12));
    expect(row?.renewedAt).toEqual(now);
    expect(await renewals(license.id)).toHaveLength(1);
    expect(await h.db.select().from(invoices).where(eq(invoices.licenseId, license.id))).toHaveLength(1);
    h.clock.set(new Date(expiresAt.getTime() + SECOND));
    expect(await validate(key)).toBe("VALID");
  });

  it("leaves a license expiring after the window for a later run", async () => {
    const { license, expiresAt } = await expiringLicense(2 * 60 * MINUTE, true);
    await runLicenseSweep(h.deps, h.clock.now());
    expect((await read(license.id))?.expiresAt).toEqual(expiresAt);
  });

  it("a refused renewal ends the grace: EXPIRED at expiry, and the sweep stops retrying", async () => {
    // Expiring within the cache TTL: a cached lookup must not keep the grace alive.
    const { license, key, expiresAt } = await expiringLicense(10 * SECOND, true);
    expect(await validate(key)).toBe("VALID");
    const sweepDeps = { db: h.db, billing: refusingBilling, validationCache: h.deps.validationCache };
    const first = await runLicenseSweep(sweepDeps, h.clock.now());
    expect(first.renewed).toBe(0);
    const marked = await read(license.id);
    expect(marked?.renewalFailedAt).toEqual(h.clock.now());
    expect(marked?.expiresAt).toEqual(expiresAt);
    expect(await validate(key)).toBe("VALID"); // not expired yet
    h.clock.set(new Date(expiresAt.getTime() + SECOND));
    expect(await validate(key)).toBe("EXPIRED");
    await runLicenseSweep(sweepDeps, h.clock.now());
    expect(await read(license.id)).toMatchObject({ status: "EXPIRED", expiresAt });
    const failures = await h.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.targetId, license.id), eq(auditEvents.action, "license.auto_renewal_failed")),
      );
    expect(failures).toHaveLength(1);
  });

  it("setting auto-renew again clears a refused renewal so the sweep retries", async () => {
    const { license, expiresAt } = await expiringLicense(30 * MINUTE, true);
    await runLicenseSweep({ db: h.db, billing: refusingBilling }, h.clock.now());
    await (await h.caller("staffAdmin")).licenses.updateSettings({ licenseId: license.id, autoRenew: true });
    await runLicenseSweep(h.deps, h.clock.now());
    expect(await read(license.id)).toMatchObject({
      renewalFailedAt: null,
      expiresAt: addMonths(expiresAt, 12),
    });
  });

  raceIt(`two instances sweeping at once renew ahead of expiry once ${RACES_NEED_POSTGRES}`, async () => {
    const { license, expiresAt } = await expiringLicense(30 * MINUTE, true);
    const second = await h.secondInstance();
    try {
      const now = h.clock.now();
      const results = await Promise.all([
        runLicenseSweep(h.deps, now),
        runLicenseSweep(second.deps, now),
        runLicenseSweep(h.deps, now),
      ]);
      expect(results.reduce((sum, result) => sum + result.renewed, 0)).toBeGreaterThanOrEqual(1);
      expect((await read(license.id))?.expiresAt).toEqual(addMonths(expiresAt, 12));
      expect(await renewals(license.id)).toHaveLength(1);
      expect(await h.db.select().from(invoices).where(eq(invoices.licenseId, license.id))).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
