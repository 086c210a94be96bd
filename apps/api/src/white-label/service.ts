import { X509Certificate } from "node:crypto";
import type { Executor } from "@tessera/db";
import { apiKeys, brandingAssets, customizations, licenses, organizations } from "@tessera/db/schema";
import {
  API_REQUESTS_PER_MINUTE,
  apiAccessRefusal,
  type Branding,
  type BrandingInput,
  brandingCssVariables,
  brandingWarnings,
  CUSTOMIZATION_TYPES,
  type CustomizationType,
  customizationGate,
  DEFAULT_BRANDING,
  DomainError,
  type Feature,
  IN_FORCE_STATUSES,
  requireSecureUrl,
  type SetFeatureToggleInput,
  SINGLETON_KEY,
  type SsoInput,
} from "@tessera/domain";
import { and, count, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { z } from "zod";
import { endPasswordSessions } from "../auth/session-revocation.ts";
import type { AppDeps, ServiceContext } from "../context.ts";
import { requireOutboundUrl } from "../egress/outbound-url.ts";
import { recordEvent } from "../events/record-event.ts";
import { currentEntitlements } from "../licenses/entitlements.ts";
import { licenseChanged } from "../licenses/validation-cache.ts";
import { requireQuota } from "../quotas/organization-lock.ts";
import { domainView } from "./domains.ts";
import { integrationView } from "./integrations.ts";
import { logoPath } from "./logos.ts";
import { claimSsoDomains } from "./sso-domains.ts";
import {
  customizationView,
  findCustomization,
  listCustomizations,
  requireAllowed,
  saveCustomization,
} from "./store.ts";

export type WhiteLabelDeps = Pick<AppDeps, "secrets" | "config">;

type BrandingValue = Branding & { enabled: boolean };

const organizationName = async (executor: Executor, organizationId: string) => {
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
      // Saving branding the first time switches it on; later saves keep the switch as it is.
      enabled: current ? (current.value as BrandingValue).enabled : true,
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

/** What an SSO record holds, by protocol (the OIDC client secret is sealed apart). */
export interface OidcSettingsValue {
  protocol: "OIDC";
  issuer: string;
  clientId: string;
  allowedDomains: string[];
  enforced: boolean;
}
export interface SamlSettingsValue {
  protocol: "SAML";
  entityId: string;
  ssoUrl: string;
  certificate: string;
  certificateSubject: string;
  certificateFingerprint256: string;
  certificateExpiresAt: string;
  allowedDomains: string[];
  enforced: boolean;
}
export type SsoSettingsValue = OidcSettingsValue | SamlSettingsValue;

/** SSO as anyone may see it: no secret, only whether one is stored. */
export const ssoView = (row: {
  id: string;
  value: Record<string, unknown>;
  secretCiphertext: string | null;
  version: number;
  updatedAt: Date;
}) => ({
  id: row.id,
  version: row.version,
  ...(row.value as unknown as SsoSettingsValue),
  hasClientSecret: row.secretCiphertext !== null,
  updatedAt: row.updatedAt,
});

const checkCertificate = (pem: string, now: Date) => {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    throw new DomainError("VALIDATION_FAILED", "is not a readable X.509 certificate", {
      field: "certificate",
    });
  }
  const validFrom = new Date(certificate.validFrom);
  const validTo = new Date(certificate.validTo);
  if (validTo <= now) {
    throw new DomainError("VALIDATION_FAILED", `expired on ${validTo.toISOString()}`, {
      field: "certificate",
    });
  }
  if (validFrom > now) {
    throw new DomainError("VALIDATION_FAILED", `is not valid before ${validFrom.toISOString()}`, {
      field: "certificate",
    });
  }
  return {
    certificateSubject: certificate.subject.replace(/\n/g, ", "),
    certificateFingerprint256: certificate.fingerprint256,
    certificateExpiresAt: validTo.toISOString(),
  };
};

/** Configure OIDC or SAML single sign-on; the OIDC client secret is sealed and never returned. */
export const enableSSO = async (
  ctx: ServiceContext,
  deps: WhiteLabelDeps,
  organizationId: string,
  input: z.output<typeof SsoInput>,
) => {
  const allowHttp = deps.config.ALLOW_INSECURE_LOOPBACK;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "SSO", now);
    const current = await findCustomization(tx, organizationId, "SSO", SINGLETON_KEY);
    // Each listed domain becomes a claim that routes sign-ins only once its TXT record proves it.
    await claimSsoDomains(tx, ctx, deps, organizationId, input.allowedDomains, (i) => `allowedDomains.${i}`);
    if (input.enforced && current?.value.enforced !== true)
      await endPasswordSessions(tx, ctx, organizationId);
    if (input.protocol === "OIDC") {
      requireOutboundUrl("issuer", input.issuer, allowHttp);
      const keepSecret = current?.value.protocol === "OIDC" && current.secretCiphertext !== null;
      if (!input.clientSecret && !keepSecret) {
        throw new DomainError("VALIDATION_FAILED", "is required", { field: "clientSecret" });
      }
      return saveCustomization(tx, ctx, {
        organizationId,
        type: "SSO",
        key: SINGLETON_KEY,
        value: {
          protocol: "OIDC",
          issuer: input.issuer.replace(/\/$/, ""),
          clientId: input.clientId,
          allowedDomains: input.allowedDomains,
          enforced: input.enforced,
        },
        secretCiphertext: input.clientSecret ? deps.secrets.seal(input.clientSecret) : undefined,
        action: "white_label.sso_set",
      });
    }
    requireSecureUrl("ssoUrl", input.ssoUrl, allowHttp);
    return saveCustomization(tx, ctx, {
      organizationId,
      type: "SSO",
      key: SINGLETON_KEY,
      value: {
        protocol: "SAML",
        entityId: input.entityId,
        ssoUrl: input.ssoUrl,
        certificate: input.certificate,
        ...checkCertificate(input.certificate, now),
        allowedDomains: input.allowedDomains,
        enforced: input.enforced,
      },
      secretCiphertext: null,
      action: "white_label.sso_set",
    });
  });
  return ssoView(row);
};

export const getSSO = async (ctx: ServiceContext, organizationId: string) => {
  const row = await findCustomization(ctx.db, organizationId, "SSO", SINGLETON_KEY);
  return row ? ssoView(row) : null;
};

/** Whether the organisation's API keys work (by the rule every key call is held to), and how fast they may go. */
export const getApiAccess = async (ctx: ServiceContext, organizationId: string) => {
  const now = ctx.clock.now();
  const [row, entitlements, [keys], [license]] = await Promise.all([
    findCustomization(ctx.db, organizationId, "API", SINGLETON_KEY),
    currentEntitlements(ctx.db, organizationId, now),
    ctx.db
      .select({ active: count() })
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.organizationId, organizationId),
          isNull(apiKeys.revokedAt),
          or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
        ),
      ),
    ctx.db
      .select()
      .from(licenses)
      .where(
        and(eq(licenses.organizationId, organizationId), inArray(licenses.status, [...IN_FORCE_STATUSES])),
      ),
  ]);
  const gate = customizationGate(entitlements, "API");
  const enabled = Boolean(row?.value.enabled);
  const refusal = apiAccessRefusal(
    enabled,
    license ? { ...license, customFeatures: license.customFeatures as Feature[] | null } : null,
    now,
  );
  return {
    id: row?.id ?? null,
    enabled,
    active: refusal === null,
    refusal,
    gate,
    requestsPerMinute: entitlements ? API_REQUESTS_PER_MINUTE[entitlements.tier] : null,
    activeKeys: keys?.active ?? 0,
  };
};

/** Turn the organisation's API keys on or off; off refuses every call made with them. */
export const enableAPI = async (ctx: ServiceContext, organizationId: string, enabled: boolean) => {
  await ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "API", ctx.clock.now());
    const current = await findCustomization(tx, organizationId, "API", SINGLETON_KEY);
    if (current && current.value.enabled === enabled) return;
    await saveCustomization(tx, ctx, {
      organizationId,
      type: "API",
      key: SINGLETON_KEY,
      value: { enabled },
      action: enabled ? "white_label.api_enabled" : "white_label.api_disabled",
    });
  });
  return getApiAccess(ctx, organizationId);
};

/** Flags reach the platform through validation and tokens: drop cached lookups of the org's licenses. */
const featureTogglesChanged = async (
  tx: Parameters<typeof licenseChanged>[0],
  ctx: ServiceContext,
  organizationId: string,
) => {
  const rows = await tx
    .select({ id: licenses.id })
    .from(licenses)
    .where(
      and(eq(licenses.organizationId, organizationId), inArray(licenses.status, [...IN_FORCE_STATUSES])),
    );
  for (const row of rows) await licenseChanged(tx, ctx.licenseCache, row.id);
};

export const setFeatureToggle = async (
  ctx: ServiceContext,
  organizationId: string,
  input: z.output<typeof SetFeatureToggleInput>,
) =>
  ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "FEATURE", ctx.clock.now());
    // A new key counts against the quota; the lock also orders two writers of one new key.
    await requireQuota(tx, organizationId, "FEATURE_TOGGLES", "key", async () => {
      if (await findCustomization(tx, organizationId, "FEATURE", input.key)) return 0;
      const [flags] = await tx
        .select({ total: count() })
        .from(customizations)
        .where(and(eq(customizations.organizationId, organizationId), eq(customizations.type, "FEATURE")));
      return flags?.total ?? 0;
    });
    const row = await saveCustomization(tx, ctx, {
      organizationId,
      type: "FEATURE",
      key: input.key,
      value: { enabled: input.enabled, description: input.description ?? null },
      action: "white_label.feature_toggle_set",
    });
    await featureTogglesChanged(tx, ctx, organizationId);
    return customizationView(row);
  });

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
