import type { Executor } from "@tessera/db";
import { brandingAssets, organizations } from "@tessera/db/schema";
import {
  type Branding,
  type BrandingInput,
  brandingCssVariables,
  brandingWarnings,
  customizationGate,
  DEFAULT_BRANDING,
  DomainError,
  SINGLETON_KEY,
} from "@tessera/domain";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { currentEntitlements } from "../licenses/entitlements.ts";
import { logoPath } from "./logos.ts";
import { findCustomization, requireAllowed, saveCustomization } from "./store.ts";

type BrandingValue = Branding & { enabled: boolean };

export const organizationName = async (executor: Executor, organizationId: string) => {
  const [row] = await executor
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!row) throw new DomainError("NOT_FOUND", "Organisation not found", { field: "organizationId" });
  return row.name;
};

/** Where the logo is served from: an upload from our origin, else the https URL given. */
const logoSource = (branding: Branding): string | null =>
  branding.logoAssetId ? logoPath(branding.logoAssetId) : branding.logoUrl;

/** Branding as the SPA applies it: colours, CSS variables, logo and contrast warnings. */
export const presentBranding = (branding: Branding) => ({
  ...branding,
  logoSrc: logoSource(branding),
  cssVariables: brandingCssVariables(branding),
  warnings: brandingWarnings(branding),
});

/**
 * The organisation's saved branding and what shows: the saved one while white-label is on
 * and the license includes BRANDING, else Tessera's own.
 */
export const getBranding = async (ctx: ServiceContext, organizationId: string) => {
  const [row, entitlements] = await Promise.all([
    findCustomization(ctx.db, organizationId, "BRANDING", SINGLETON_KEY),
    currentEntitlements(ctx.db, organizationId, ctx.clock.now()),
  ]);
  const saved = row ? (row.value as BrandingValue) : null;
  const gate = customizationGate(entitlements, "BRANDING");
  const active = Boolean(saved?.enabled && gate.allowed);
  return {
    id: row?.id ?? null,
    version: row?.version ?? null,
    enabled: saved?.enabled ?? false,
    active,
    gate,
    saved: saved ? presentBranding(saved) : null,
    effective: presentBranding(active && saved ? saved : DEFAULT_BRANDING),
  };
};

export const setBranding = async (
  ctx: ServiceContext,
  organizationId: string,
  input: z.output<typeof BrandingInput>,
) => {
  await ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "BRANDING", ctx.clock.now());
    if (input.logoAssetId) {
      const [asset] = await tx
        .select({ id: brandingAssets.id })
        .from(brandingAssets)
        .where(
          and(eq(brandingAssets.id, input.logoAssetId), eq(brandingAssets.organizationId, organizationId)),
        )
        // Held until the branding is saved: the logo collection skips (or has already deleted) it.
        .for("share");
      if (!asset) throw new DomainError("NOT_FOUND", "Uploaded logo not found", { field: "logoAssetId" });
    }
    const current = await findCustomization(tx, organizationId, "BRANDING", SINGLETON_KEY);
    const value: BrandingValue = {
      companyName: input.companyName,
      logoUrl: input.logoUrl ?? null,
      logoAssetId: input.logoAssetId ?? null,
      primaryColor: input.primaryColor,
      secondaryColor: input.secondaryColor,
      accentColor: input.accentColor,
      // Saving never moves the switch: with no record yet it reads Off (see getBranding), so
      // the first save stays off until the owner switches white-label on.
      enabled: current ? (current.value as BrandingValue).enabled : false,
    };
    await saveCustomization(tx, ctx, {
      organizationId,
      type: "BRANDING",
      key: SINGLETON_KEY,
      value,
      action: "white_label.branding_set",
    });
  });
  return getBranding(ctx, organizationId);
};

/** The master switch for the organisation's branding (and its custom domain's theming). */
export const enableWhiteLabel = async (ctx: ServiceContext, organizationId: string, enabled: boolean) => {
  await ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "BRANDING", ctx.clock.now());
    const current = await findCustomization(tx, organizationId, "BRANDING", SINGLETON_KEY);
    const base: Branding = current
      ? (current.value as BrandingValue)
      : { ...DEFAULT_BRANDING, companyName: await organizationName(tx, organizationId) };
    if (current && (current.value as BrandingValue).enabled === enabled) return;
    await saveCustomization(tx, ctx, {
      organizationId,
      type: "BRANDING",
      key: SINGLETON_KEY,
      value: { ...base, enabled },
      action: enabled ? "white_label.enabled" : "white_label.disabled",
    });
  });
  return getBranding(ctx, organizationId);
};
