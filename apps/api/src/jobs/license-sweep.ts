import { licenseReminders, licenses } from "@tessera/db/schema";
import {
  autoRenewDueBefore,
  DomainError,
  dueReminder,
  entitlementsFor,
  type Feature,
  type Limits,
  MAX_REMINDER_DAYS,
  renewedExpiry,
} from "@tessera/domain";
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { lapsedCondition } from "../licenses/lapsed.ts";
import { licenseChanged } from "../licenses/validation-cache.ts";
import { jobContext } from "./job-context.ts";

interface LicenseSweepResult {
  renewed: number;
  expired: number;
  reminders: number;
}

/** A license's furthest reminder point may be this far ahead. */
const REMINDER_HORIZON_MS = MAX_REMINDER_DAYS * 86_400_000;

type SweepDeps = Pick<AppDeps, "db" | "billing"> & Partial<Pick<AppDeps, "validationCache">>;
type LicenseRow = typeof licenses.$inferSelect;

/** Renew one license under the version read, charge the term and record it; false when another run won. */
const renewOne = (
  deps: SweepDeps,
  ctx: ServiceContext,
  license: LicenseRow & { expiresAt: Date },
  now: Date,
) => {
  const periodStart = license.expiresAt;
  const periodEnd = renewedExpiry({ expiresAt: periodStart, termMonths: license.termMonths }, periodStart);
  // Renewing at expiry keeps the periods back to back, even when the sweep runs late.
  const expiresAt = periodEnd.getTime() > now.getTime() ? periodEnd : renewedExpiry(license, now);
  return deps.db.transaction(async (tx) => {
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
};

/**
 * A refused renewal (the billing port throws a DomainError): mark it under the version read,
 * so the grace past expiry ends and the sweep stops retrying until staff renew or reset it.
 */
const markRenewalFailed = (deps: SweepDeps, ctx: ServiceContext, license: LicenseRow, error: DomainError) =>
  deps.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .update(licenses)
      .set({ renewalFailedAt: now, version: sql`${licenses.version} + 1`, updatedAt: now })
      .where(and(eq(licenses.id, license.id), eq(licenses.version, license.version)))
      .returning({ id: licenses.id });
    if (!row) return;
    // The cached lookup still has no mark: drop it so validation stops granting the grace.
    await licenseChanged(tx, deps.validationCache, license.id);
    await recordEvent(tx, ctx, {
      action: "license.auto_renewal_failed",
      organizationId: license.organizationId,
      targetType: "license",
      targetId: license.id,
      after: { renewalFailedAt: now, reason: error.code },
    });
  });

/**
 * Auto-renewals, ahead of expiry (within AUTO_RENEW_WINDOW_MS) so a license never lapses while
 * renewing; each one a conditional update on the version read, so two runs renew once.
 */
const renewDue = async (deps: SweepDeps, ctx: ServiceContext, now: Date): Promise<number> => {
  const dueForRenewal = await deps.db
    .select()
    .from(licenses)
    .where(
      and(
        eq(licenses.status, "ACTIVE"),
        eq(licenses.autoRenew, true),
        isNull(licenses.renewalFailedAt),
        lte(licenses.expiresAt, autoRenewDueBefore(now)),
      ),
    );
  let renewed = 0;
  for (const license of dueForRenewal) {
    const { expiresAt } = license;
    if (!expiresAt) continue;
    try {
      if (await renewOne(deps, ctx, { ...license, expiresAt }, now)) renewed++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await markRenewalFailed(deps, ctx, license, error);
    }
  }
  return renewed;
};

/** Expiry: one conditional update; only the process whose update matched records a row. */
const expireLapsed = (deps: SweepDeps, ctx: ServiceContext, now: Date): Promise<number> =>
  deps.db.transaction(async (tx) => {
    const expired = await tx
      .update(licenses)
      .set({
        status: "EXPIRED",
        expiredAt: sql`${licenses.expiresAt}`,
        version: sql`${licenses.version} + 1`,
        updatedAt: now,
      })
      // As effectiveStatus reads it: an auto-renewal still to be tried is not expired.
      .where(and(eq(licenses.status, "ACTIVE"), lapsedCondition(now)))
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
    return expired.length;
  });

/** Reminders at each license's own points: the unique (license, expiry, days) row decides who sends. */
const sendReminders = async (deps: SweepDeps, ctx: ServiceContext, now: Date): Promise<number> => {
  const expiringSoon = await deps.db
    .select({
      id: licenses.id,
      organizationId: licenses.organizationId,
      expiresAt: licenses.expiresAt,
      reminderDays: licenses.reminderDays,
    })
    .from(licenses)
    .where(
      and(
        eq(licenses.status, "ACTIVE"),
        gt(licenses.expiresAt, now),
        lte(licenses.expiresAt, new Date(now.getTime() + REMINDER_HORIZON_MS)),
        // Only licenses within reach of their own furthest point.
        sql`${licenses.expiresAt} <= ${now.toISOString()}::timestamptz
          + make_interval(days => (select max(d) from unnest(${licenses.reminderDays}) as d))`,
      ),
    );
  let sent = 0;
  for (const license of expiringSoon) {
    const { expiresAt } = license;
    const daysBefore = expiresAt ? dueReminder(expiresAt, now, license.reminderDays) : null;
    if (!expiresAt || daysBefore === null) continue;
    const inserted = await deps.db.transaction(async (tx) => {
      const rows = await tx
        .insert(licenseReminders)
        .values({
          licenseId: license.id,
          organizationId: license.organizationId,
          daysBefore,
          expiresAt,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: licenseReminders.id });
      if (rows.length === 0) return false;
      await recordEvent(tx, ctx, {
        action: "license.expiry_reminder",
        organizationId: license.organizationId,
        targetType: "license",
        targetId: license.id,
        after: { daysBefore, expiresAt },
      });
      return true;
    });
    if (inserted) sent++;
  }
  return sent;
};

/**
 * The license sweep at `now`: auto-renew what is due (charging through the billing port),
 * expire the rest past their expiry, and record reminders at each license's own points (by
 * default 30/7/1 days). Idempotent and safe
 * from two processes at once: every effect is a conditional update or a unique insert.
 */
export const runLicenseSweep = async (deps: SweepDeps, now: Date): Promise<LicenseSweepResult> => {
  const ctx = jobContext(deps, now, "license-sweep");
  const renewed = await renewDue(deps, ctx, now);
  const expired = await expireLapsed(deps, ctx, now);
  const reminders = await sendReminders(deps, ctx, now);
  return { renewed, expired, reminders };
};
