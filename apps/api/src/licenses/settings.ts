import { licenses } from "@tessera/db/schema";
import { DomainError } from "@tessera/domain";
import { and, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { diff } from "../events/domain-event.ts";
import { recordEvent } from "../events/record-event.ts";
import { auditSnapshot, licenseView, newLicenseKey } from "./license-view.ts";
import { findLicense } from "./lookup.ts";
import { licenseChanged } from "./validation-cache.ts";

export const updateLicenseSettings = async (
  ctx: ServiceContext,
  licenseId: string,
  patch: {
    autoRenew?: boolean | undefined;
    termMonths?: number | undefined;
    tokenTtlDays?: number | undefined;
  },
) => {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await findLicense({ db: tx }, licenseId);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const [updated] = await tx
      .update(licenses)
      .set({ ...defined, version: sql`${licenses.version} + 1`, updatedAt: now })
      .where(and(eq(licenses.id, licenseId), eq(licenses.version, current.version)))
      .returning();
    if (!updated) throw new DomainError("STALE_VERSION", "The license changed at the same time; try again");
    await licenseChanged(tx, ctx.licenseCache, licenseId);
    await recordEvent(tx, ctx, {
      action: "license.settings_changed",
      organizationId: updated.organizationId,
      targetType: "license",
      targetId: licenseId,
      ...diff(auditSnapshot(current), auditSnapshot(updated)),
    });
    return updated;
  });
  return licenseView(row, now);
};

/** A new key for the license; the old one stops validating at once. Shown once. */
export const rotateLicenseKey = async (
  ctx: ServiceContext,
  licenseId: string,
  scopeOrganizationId?: string,
) => {
  const now = ctx.clock.now();
  const { key, keyHash, keyLast4: last4 } = newLicenseKey();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await findLicense({ db: tx }, licenseId, scopeOrganizationId);
    if (current.status === "CANCELLED") {
      throw new DomainError("LICENSE_INVALID_TRANSITION", "Cannot rotate the key of a CANCELLED license", {
        field: "licenseId",
        currentStatus: "CANCELLED",
      });
    }
    const [updated] = await tx
      .update(licenses)
      .set({
        keyHash,
        keyLast4: last4,
        keyRotatedAt: now,
        version: sql`${licenses.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(licenses.id, licenseId), eq(licenses.version, current.version)))
      .returning();
    if (!updated) throw new DomainError("STALE_VERSION", "The license changed at the same time; try again");
    await licenseChanged(tx, ctx.licenseCache, licenseId);
    await recordEvent(tx, ctx, {
      action: "license.key_rotated",
      organizationId: updated.organizationId,
      targetType: "license",
      targetId: licenseId,
      before: { keyLast4: current.keyLast4 },
      after: { keyLast4: last4 },
    });
    return updated;
  });
  return { license: licenseView(row, now), key };
};
