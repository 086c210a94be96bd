import { createDb } from "@tessera/db";
import { auditEvents, invoices, licenseReminders, licenses } from "@tessera/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLicenseSweep } from "../src/jobs/license-sweep.ts";
import { invoiceBillingPort } from "../src/licenses/billing.ts";
import { testConnection } from "./database.ts";
import { createTestHarness, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const day = 86_400_000;
const setExpiry = (licenseId: string, expiresAt: Date, autoRenew = false) =>
  h.db.update(licenses).set({ expiresAt, autoRenew }).where(eq(licenses.id, licenseId));
const read = async (licenseId: string) =>
  (await h.db.select().from(licenses).where(eq(licenses.id, licenseId)))[0];

describe("license sweep", () => {
  it("expires a license past its expiry, once", async () => {
    const { license } = await h.newLicensedOrganization();
    const now = h.clock.now();
    await setExpiry(license.id, new Date(now.getTime() - 1000));
    const first = await runLicenseSweep(h.deps, now);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(await read(license.id)).toMatchObject({ status: "EXPIRED" });
    await runLicenseSweep(h.deps, now);
    const audits = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, license.id), eq(auditEvents.action, "license.expired")));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actorLabel).toBe("system:license-sweep");
  });

  it("auto-renews at expiry back to back and invoices the period once", async () => {
    const { license } = await h.newLicensedOrganization("PROFESSIONAL");
    const now = h.clock.now();
    const expiry = new Date(now.getTime() - 2 * day);
    await setExpiry(license.id, expiry, true);
    await runLicenseSweep(h.deps, now);
    await runLicenseSweep(h.deps, now);
    const row = await read(license.id);
    expect(row?.status).toBe("ACTIVE");
    expect(row?.expiresAt).toEqual(new Date(Date.UTC(2027, 4, 30, 12)));
    const billed = await h.db.select().from(invoices).where(eq(invoices.licenseId, license.id));
    expect(billed).toHaveLength(1);
    expect(billed[0]).toMatchObject({
      amountCents: 199_900 * 12,
      periodStart: expiry,
      reason: "AUTO_RENEWAL",
    });
  });

  it("sends the 30, 7 and 1 day reminders once each", async () => {
    const { license } = await h.newLicensedOrganization();
    const start = h.clock.now();
    const expiresAt = new Date(start.getTime() + 40 * day);
    await setExpiry(license.id, expiresAt);
    for (const daysLeft of [35, 30, 29, 20, 7, 6.5, 3, 1, 0.5]) {
      await runLicenseSweep(h.deps, new Date(expiresAt.getTime() - daysLeft * day));
    }
    const sent = await h.db.select().from(licenseReminders).where(eq(licenseReminders.licenseId, license.id));
    expect(sent.map((reminder) => reminder.daysBefore).sort((a, b) => b - a)).toEqual([30, 7, 1]);
  });

  it("two sweeps at once (two connections on PostgreSQL) renew, expire and remind once", async () => {
    const now = h.clock.now();
    const renewing = await h.newLicensedOrganization("STARTER");
    const expiring = await h.newLicensedOrganization("STARTER");
    const reminded = await h.newLicensedOrganization("STARTER");
    await setExpiry(renewing.license.id, new Date(now.getTime() - day), true);
    await setExpiry(expiring.license.id, new Date(now.getTime() - day));
    await setExpiry(reminded.license.id, new Date(now.getTime() + 6 * day));
    const url = (h.dbHandle as { url?: string }).url;
    const second = url ? await createDb(testConnection(url)) : h.dbHandle;
    try {
      const results = await Promise.all([
        runLicenseSweep(h.deps, now),
        runLicenseSweep({ db: second.db, billing: invoiceBillingPort }, now),
        runLicenseSweep(h.deps, now),
      ]);
      expect(results.reduce((sum, result) => sum + result.renewed, 0)).toBe(1);
      expect(
        await h.db.select().from(invoices).where(eq(invoices.licenseId, renewing.license.id)),
      ).toHaveLength(1);
      const expiredAudits = await h.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.targetId, expiring.license.id), eq(auditEvents.action, "license.expired")));
      expect(expiredAudits).toHaveLength(1);
      expect(
        await h.db.select().from(licenseReminders).where(eq(licenseReminders.licenseId, reminded.license.id)),
      ).toHaveLength(1);
    } finally {
      if (second !== h.dbHandle) await second.close();
    }
  });
});
