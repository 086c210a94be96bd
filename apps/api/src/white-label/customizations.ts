import { customizations } from "@tessera/db/schema";
import { CUSTOMIZATION_TYPES, type CustomizationType, customizationGate, DomainError } from "@tessera/domain";
import { and, eq } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { currentEntitlements } from "../licenses/entitlements.ts";
import { getApiAccess } from "./api-access.ts";
import { getBranding, organizationName } from "./branding.ts";
import { domainView } from "./domain-view.ts";
import { featureTogglesChanged } from "./feature-toggles.ts";
import { integrationView } from "./integrations.ts";
import { ssoView } from "./sso-settings.ts";
import { customizationView, listCustomizations } from "./store.ts";

export const getCustomizations = async (ctx: ServiceContext, organizationId: string) =>
  (await listCustomizations(ctx.db, organizationId)).map(customizationView);

/**
 * Remove one record. Allowed whatever the tier, so a downgraded organisation can still clean
 * up; deleting an integration drops its pending deliveries, a domain frees its hostname.
 */
export const deleteCustomization = async (
  ctx: ServiceContext,
  organizationId: string,
  customizationId: string,
) =>
  ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(customizations)
      .where(and(eq(customizations.id, customizationId), eq(customizations.organizationId, organizationId)))
      .returning();
    if (!row) throw new DomainError("NOT_FOUND", "Customisation not found", { field: "customizationId" });
    await recordEvent(tx, ctx, {
      action: "white_label.customization_deleted",
      organizationId,
      targetType: "customization",
      targetId: row.id,
      before: { type: row.type, key: row.key, ...row.value },
    });
    if (row.type === "FEATURE") await featureTogglesChanged(tx, ctx, organizationId);
    return customizationView(row);
  });

/** The merged, effective configuration: what is set, what shows, and what the tier allows. */
export const getWhiteLabelConfig = async (ctx: ServiceContext, organizationId: string) => {
  const now = ctx.clock.now();
  const name = await organizationName(ctx.db, organizationId);
  const [entitlements, rows, branding, api] = await Promise.all([
    currentEntitlements(ctx.db, organizationId, now),
    listCustomizations(ctx.db, organizationId),
    getBranding(ctx, organizationId),
    getApiAccess(ctx, organizationId),
  ]);
  const gates = Object.fromEntries(
    CUSTOMIZATION_TYPES.map((type) => [type, customizationGate(entitlements, type)]),
  ) as Record<CustomizationType, ReturnType<typeof customizationGate>>;
  const domain = rows.find((row) => row.type === "DOMAIN");
  const sso = rows.find((row) => row.type === "SSO");
  return {
    organizationId,
    organizationName: name,
    tier: entitlements?.tier ?? null,
    gates,
    branding,
    domain: domain ? domainView(domain) : null,
    sso: sso ? { ...ssoView(sso), active: gates.SSO.allowed } : null,
    api,
    featureToggles: rows
      .filter((row) => row.type === "FEATURE")
      .map((row) => ({
        id: row.id,
        key: row.key,
        enabled: Boolean(row.value.enabled),
        description: (row.value.description as string | null) ?? null,
        updatedAt: row.updatedAt,
      })),
    featureTogglesActive: gates.FEATURE.allowed,
    integrations: rows.filter((row) => row.type === "INTEGRATION").map(integrationView),
  };
};
