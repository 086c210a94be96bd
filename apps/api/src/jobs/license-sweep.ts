import { licenseReminders, licenses } from "@tessera/db/schema";
import { dueReminder, entitlementsFor, type Feature, type Limits, renewedExpiry } from "@tessera/domain";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { licenseChanged } from "../licenses/validation-cache.ts";

export interface LicenseSweepResult {
  renewed: number;
  expired: number;
  reminders: number;
}

const REMINDER_HORIZON_MS = 30 * 86_400_000;

/**
 * The license sweep at `now`: auto-renew what is due (charging through the billing port),
 * expire the rest past their expiry, and record 30/7/1-day reminders. Idempotent and safe
 * from two processes at once: every effect is a conditional update or a unique insert.
 */
export const runLicenseSweep = async (
  deps: Pick<AppDeps, "db" | "billing"> & Partial<Pick<AppDeps, "validationCache">>,
  now: Date,
): Promise<LicenseSweepResult> => {
  const ctx: ServiceContext = {
    db: deps.db,
    clock: { now: () => now },
    actor: null,
    ip: null,
    system: "license-sweep",
  };
  const result: LicenseSweepResult = { renewed: 0, expired: 0, reminders: 0 };

  // 1. Auto-renewals: each one a conditional update on the version read.
  const dueForRenewal = await deps.db
    .select()
    .from(licenses)
    .where(and(eq(licenses.status, "ACTIVE"), eq(licenses.autoRenew, true), lte(licenses.expiresAt, now)));
  for (const license of dueForRenewal) {
    if (!license.expiresAt) continue;
    const periodStart = license.expiresAt;
    const periodEnd = renewedExpiry({ expiresAt: periodStart, termMonths: license.termMonths }, periodStart);
    // Renewing at expiry keeps the periods back to back, even when the sweep runs late.
    const expiresAt = periodEnd.getTime() > now.getTime() ? periodEnd : renewedExpiry(license, now);
    const renewed = await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(licenses)
        .set({ expiresAt, renewedAt: now, version: sql`${licenses.version} + 1`, updatedAt: now })
        .where(and(eq(licenses.id, license.id), eq(licenses.version, license.version)))
        .returning();
      if (!row) return false;
      await licenseChanged(tx, deps.validationCache, license.id);
      const monthly = entitlementsFor({
        tier: license.tier,
        customLimits: license.customLimits as Limits | null,
        customFeatures: license.customFeatures as Feature[] | null,
        customMonthlyPriceCents: license.monthlyPriceCents,
      }).monthlyPriceCents;
      await deps.billing.chargeRenewal(tx, {
        organizationId: license.organizationId,
        licenseId: license.id,
        amountCents: (monthly ?? 0) * license.termMonths,
        periodStart,
        periodEnd: expiresAt,
        reason: "AUTO_RENEWAL",
      });
      await recordEvent(tx, ctx, {
        action: "license.auto_renewed",
        organizationId: license.organizationId,
        targetType: "license",
        targetId: license.id,
        before: { expiresAt: license.expiresAt },
        after: { expiresAt },
      });
      return true;
    });
    if (renewed) result.renewed++;
  }

  // 2. Expiry: one conditional update; only the process whose update matched audits a row.
  await deps.db.transaction(async (tx) => {
    const expired = await tx
      .update(licenses)
      .set({
        status: "EXPIRED",
        expiredAt: sql`${licenses.expiresAt}`,
        version: sql`${licenses.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(licenses.status, "ACTIVE"), eq(licenses.autoRenew, false), lte(licenses.expiresAt, now)))
      .returning({ id: licenses.id, organizationId: licenses.organizationId, expiresAt: licenses.expiresAt });
    for (const row of expired) {
      await licenseChanged(tx, deps.validationCache, row.id);
      await recordEvent(tx, ctx, {
        action: "license.expired",
        organizationId: row.organizationId,
        targetType: "license",
        targetId: row.id,
        before: { status: "ACTIVE" },
        after: { status: "EXPIRED", expiredAt: row.expiresAt },
      });
    }
    result.expired = expired.length;
  });

  // 3. Reminders: the unique (license, expiry, days) row decides who sends.
  const expiringSoon = await deps.db
    .select({ id: licenses.id, organizationId: licenses.organizationId, expiresAt: licenses.expiresAt })
    .from(licenses)
    .where(
      and(
        eq(licenses.status, "ACTIVE"),
        gt(licenses.expiresAt, now),
        lte(licenses.expiresAt, new Date(now.getTime() + REMINDER_HORIZON_MS)),
      ),
    );
  for (const license of expiringSoon) {
    if (!license.expiresAt) continue;
    const daysBefore = dueReminder(license.expiresAt, now);
    if (daysBefore === null) continue;
    const sent = await deps.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(licenseReminders)
        .values({
          licenseId: license.id,
          organizationId: license.organizationId,
          daysBefore,
          expiresAt: license.expiresAt as Date,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: licenseReminders.id });
      if (inserted.length === 0) return false;
      await recordEvent(tx, ctx, {
        action: "license.expiry_reminder",
        organizationId: license.organizationId,
        targetType: "license",
        targetId: license.id,
        after: { daysBefore, expiresAt: license.expiresAt },
      });
      return true;
    });
    if (sent) result.reminders++;
  }
  return result;
};
