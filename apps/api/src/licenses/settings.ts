import { licenses } from "@tessera/db/schema";
import {
  DomainError,
  type OldKeyExpiry,
  type OverageOverridesInput,
  previousKeyExpiry,
} from "@tessera/domain";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { diff } from "../events/domain-event.ts";
import { recordEvent } from "../events/record-event.ts";
import { auditSnapshot, licenseView, newLicenseKey } from "./license-view.ts";
import { findLicense } from "./lookup.ts";
import { licenseChanged } from "./validation-cache.ts";

/**
 * Tolerance and grace are negotiated on CUSTOM licenses only: the metrics given replace
 * their values, the others keep theirs.
 */
const overrideOverage = (
  current: Pick<typeof licenses.$inferSelect, "tier" | "customOverage">,
  overage: z.output<typeof OverageOverridesInput>,
) => {
  if (current.tier !== "CUSTOM") {
    throw new DomainError("VALIDATION_FAILED", `overage is only for the CUSTOM tier, not ${current.tier}`, {
      field: "overage",
    });
  }
  const given = Object.fromEntries(Object.entries(overage).filter(([, value]) => value !== undefined));
  return { ...(current.customOverage ?? {}), ...given };
};

export const updateLicenseSettings = async (
  ctx: ServiceContext,
  licenseId: string,
  patch: {
    autoRenew?: boolean | undefined;
    termMonths?: number | undefined;
    tokenTtlDays?: number | undefined;
    overage?: z.output<typeof OverageOverridesInput> | undefined;
    reminderDays?: number[] | undefined;
  },
) => {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await findLicense({ db: tx }, licenseId);
    const { overage, ...columns } = patch;
    const defined = Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
    const customOverage = overage ? { customOverage: overrideOverage(current, overage) } : {};
    // Setting auto-renew again is how staff ask the sweep to retry after a refused renewal.
    const retry = patch.autoRenew === undefined ? {} : { renewalFailedAt: null };
    const [updated] = await tx
      .update(licenses)
      .set({ ...defined, ...customOverage, ...retry, version: sql`${licenses.version} + 1`, updatedAt: now })
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

/**
 * A new key for the license, shown once. The old key keeps validating until `oldKeyExpiresIn`
 * has passed ("now": it stops at once). One previous key at most: rotating during an overlap
 * replaces the older previous key, which stops at once.
 */
export const rotateLicenseKey = async (
  ctx: ServiceContext,
  input: { licenseId: string; oldKeyExpiresIn: OldKeyExpiry },
  scopeOrganizationId?: string,
) => {
  const { licenseId } = input;
  const now = ctx.clock.now();
  const { key, keyHash, keyLast4: last4 } = newLicenseKey();
  const previousKeyExpiresAt = previousKeyExpiry(input.oldKeyExpiresIn, now);
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
        previousKeyHash: previousKeyExpiresAt ? current.keyHash : null,
        previousKeyExpiresAt,
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
      after: { keyLast4: last4, previousKeyExpiresAt },
    });
    return updated;
  });
  return { license: licenseView(row, now), key, previousKeyExpiresAt };
};
