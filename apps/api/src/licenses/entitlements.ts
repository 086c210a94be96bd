import type { Executor } from "@tessera/db";
import { licenses } from "@tessera/db/schema";
import {
  type Entitlements,
  effectiveStatus,
  entitlementsFor,
  type Feature,
  IN_FORCE_STATUSES,
  type Limits,
} from "@tessera/domain";
import { and, desc, eq, inArray } from "drizzle-orm";

/**
 * What the organisation's license entitles it to now, or null: the license in force counts
 * while ACTIVE, or PENDING (so a customer can prepare before go-live); suspended or lapsed
 * licenses switch white-label off.
 */
export const currentEntitlements = async (
  executor: Executor,
  organizationId: string,
  now: Date,
): Promise<Entitlements | null> => {
  const [license] = await executor
    .select()
    .from(licenses)
    .where(and(eq(licenses.organizationId, organizationId), inArray(licenses.status, [...IN_FORCE_STATUSES])))
    .limit(1);
  if (!license) return null;
  const status = effectiveStatus(license, now);
  if (status !== "ACTIVE" && status !== "PENDING") return null;
  return licenseEntitlements(license);
};

const licenseEntitlements = (license: typeof licenses.$inferSelect): Entitlements =>
  entitlementsFor({
    tier: license.tier,
    customLimits: license.customLimits as Limits | null,
    customFeatures: license.customFeatures as Feature[] | null,
    customSupportResponseCapHours: license.supportResponseCapHours,
    customMonthlyPriceCents: license.monthlyPriceCents,
  });

/**
 * What the organisation's most recent license entitles it to, whatever its status: license
 * events (suspended, expired, cancelled) concern a license no longer in force, and the
 * customer's webhook should still hear of them.
 */
export const latestLicenseEntitlements = async (
  executor: Executor,
  organizationId: string,
): Promise<Entitlements | null> => {
  const [license] = await executor
    .select()
    .from(licenses)
    .where(eq(licenses.organizationId, organizationId))
    .orderBy(desc(licenses.createdAt))
    .limit(1);
  return license ? licenseEntitlements(license) : null;
};
