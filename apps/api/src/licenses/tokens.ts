import { customizations } from "@tessera/db/schema";
import { DomainError } from "@tessera/domain";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/service.ts";
import type { AppDeps, ServiceContext } from "../context.ts";
import { findLicense, licenseView } from "./service.ts";
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
 * An offline license token: an EdDSA JWT any JWT library verifies against our JWKS. It
 * expires with the license; only an ACTIVE license gets one.
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
  const { token, kid } = await signToken(deps, {
    subject: row.organizationId,
    expiresAt: row.expiresAt,
    payload: {
      lic: row.id,
      org: row.organizationId,
      tier: row.tier,
      limits: view.entitlements.limits,
      features: view.entitlements.features,
      flags: featureFlags(view.entitlements, await organizationFlags(ctx.db, row.organizationId)),
    },
  });
  await recordAudit(ctx.db, ctx, {
    action: "license.token_issued",
    organizationId: row.organizationId,
    targetType: "license",
    targetId: row.id,
    after: { kid, expiresAt: row.expiresAt },
  });
  return { token, kid, expiresAt: row.expiresAt };
};
