import { customizations, licenses } from "@tessera/db/schema";
import { DomainError, IN_FORCE_STATUSES, licenseTokenExpiry } from "@tessera/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { licenseView } from "./license-view.ts";
import { findLicense } from "./lookup.ts";
import { signToken } from "./signing-keys.ts";
import { featureFlags } from "./validation.ts";

/** The organisation's feature toggles by name. */
const organizationFlags = async (db: ServiceContext["db"], organizationId: string) => {
  const rows = await db
    .select({ key: customizations.key, value: customizations.value })
    .from(customizations)
    .where(and(eq(customizations.organizationId, organizationId), eq(customizations.type, "FEATURE")));
  return Object.fromEntries(rows.map((row) => [row.key, Boolean(row.value.enabled)]));
};

/**
 * An offline license token: an EdDSA JWT any JWT library verifies against our JWKS. It lives
 * the license's `tokenTtlDays` (30 by default) and never past the license's expiry, so a
 * suspension or cancellation reaches offline checks within that time; the platform refreshes
 * it (`licenses.platformToken`). Only an ACTIVE license gets one.
 */
export const issueLicenseToken = async (
  ctx: ServiceContext,
  deps: Pick<AppDeps, "db" | "secrets" | "clock" | "config">,
  licenseId: string,
  scopeOrganizationId?: string,
) => {
  const now = ctx.clock.now();
  const row = await findLicense(ctx, licenseId, scopeOrganizationId);
  const view = licenseView(row, now);
  if (view.status !== "ACTIVE" || !row.expiresAt) {
    throw new DomainError(
      "LICENSE_INVALID_TRANSITION",
      `Only an ACTIVE license gets a token; this one is ${view.status}`,
      {
        field: "licenseId",
        currentStatus: view.status,
      },
    );
  }
  const expiresAt = licenseTokenExpiry(row.expiresAt, row.tokenTtlDays, now);
  const { token, kid } = await signToken(deps, {
    subject: row.organizationId,
    expiresAt,
    payload: {
      lic: row.id,
      /** When the license itself ends (seconds), beside the token's own `exp`. */
      lexp: Math.floor(row.expiresAt.getTime() / 1000),
      org: row.organizationId,
      tier: row.tier,
      limits: view.entitlements.limits,
      /** Per metric: tolerance past the limit and days of grace, so offline checks judge overage alike. */
      overage: view.entitlements.overage,
      features: view.entitlements.features,
      flags: featureFlags(view.entitlements, await organizationFlags(ctx.db, row.organizationId)),
    },
  });
  await recordEvent(ctx.db, ctx, {
    action: "license.token_issued",
    organizationId: row.organizationId,
    targetType: "license",
    targetId: row.id,
    after: { kid, expiresAt },
  });
  return { token, kid, expiresAt };
};

/** A fresh token for the organisation's license in force: how the platform refreshes with its key. */
export const issueOrganizationToken = async (
  ctx: ServiceContext,
  deps: Pick<AppDeps, "db" | "secrets" | "clock" | "config">,
  organizationId: string,
) => {
  const [license] = await ctx.db
    .select({ id: licenses.id })
    .from(licenses)
    .where(
      and(eq(licenses.organizationId, organizationId), inArray(licenses.status, [...IN_FORCE_STATUSES])),
    );
  if (!license) {
    throw new DomainError("NOT_FOUND", "This organisation has no license in force", {
      field: "organizationId",
    });
  }
  return issueLicenseToken(ctx, deps, license.id, organizationId);
};
