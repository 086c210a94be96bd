import { auditEvents, licenseReminders, licenses } from "@tessera/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLicenseSweep } from "../src/jobs/license-sweep.ts";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const day = 86_400_000;
const setExpiry = (licenseId: string, expiresAt: Date) =>
  h.db.update(licenses).set({ expiresAt }).where(eq(licenses.id, licenseId));
const sentFor = async (licenseId: string, expiresAt?: Date) =>
  (
    await h.db
      .select()
      .from(licenseReminders)
      .where(
        expiresAt
          ? and(eq(licenseReminders.licenseId, licenseId), eq(licenseReminders.expiresAt, expiresAt))
          : eq(licenseReminders.licenseId, licenseId),
      )
  )
    .map((reminder) => reminder.daysBefore)
    .sort((a, b) => b - a);
const sweepAt = async (expiresAt: Date, daysLeft: number[]) => {
  for (const left of daysLeft) await runLicenseSweep(h.deps, new Date(expiresAt.getTime() - left * day));
};

describe("reminder windows per license", () => {
  it("a new license reminds at 30, 7 and 1 days", async () => {
    const { license } = await h.newLicensedOrganization();
    expect(license.reminderDays).toEqual([30, 7, 1]);
  });

  it("staff set the points; the sweep fires each custom point once per expiry, and again after a renewal", async () => {
    const { license } = await h.newLicensedOrganization();
    const staff = await h.caller("staffAdmin");
    await staff.licenses.updateSettings({ licenseId: license.id, reminderDays: [14, 90] });
    expect((await staff.licenses.get({ licenseId: license.id })).reminderDays).toEqual([90, 14]);
    const expiresAt = new Date(h.clock.now().getTime() + 100 * day);
    await setExpiry(license.id, expiresAt);
    await sweepAt(expiresAt, [95, 90, 89, 60, 30, 14, 13, 7, 1, 0.5]);
    // Two sweeps at the same instant still send once.
    await sweepAt(expiresAt, [0.5]);
    expect(await sentFor(license.id)).toEqual([90, 14]);
    const audits = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, license.id), eq(auditEvents.action, "license.expiry_reminder")));
    expect(audits).toHaveLength(2);
    // A later expiry is a new one: its points fire again.
    const renewedTo = new Date(expiresAt.getTime() + 200 * day);
    await setExpiry(license.id, renewedTo);
    await sweepAt(renewedTo, [120, 90, 20, 14]);
    expect(await sentFor(license.id, renewedTo)).toEqual([90, 14]);
  });

  it("refuses points out of range, repeated or too many, naming reminderDays", async () => {
    const { license } = await h.newLicensedOrganization();
    const staff = await h.caller("staffAdmin");
    const set = (reminderDays: number[]) =>
      staff.licenses.updateSettings({ licenseId: license.id, reminderDays });
    for (const days of [[], [0], [121], [7, 7], [1, 2, 3, 4, 5, 6]]) {
      expect(await errorCode(set(days))).toBe("VALIDATION_FAILED");
      expect(await errorField(set(days))).toMatch(/^reminderDays/);
    }
    expect((await staff.licenses.get({ licenseId: license.id })).reminderDays).toEqual([30, 7, 1]);
  });

  it("only staff ADMINs change them", async () => {
    const { license } = await h.newLicensedOrganization();
    const viewer = await h.caller("staffViewer");
    expect(
      await errorCode(viewer.licenses.updateSettings({ licenseId: license.id, reminderDays: [5] })),
    ).toBe("FORBIDDEN");
  });
});
