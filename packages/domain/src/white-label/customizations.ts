import { DomainError } from "../errors.ts";
import { type Entitlements, type Feature, lowestTierWith, type Tier } from "../licenses/tiers.ts";

/** The typed records of SPEC §4; each kind has its own zod schema for `value`. */
export const CUSTOMIZATION_TYPES = ["BRANDING", "DOMAIN", "SSO", "API", "FEATURE", "INTEGRATION"] as const;
export type CustomizationType = (typeof CUSTOMIZATION_TYPES)[number];

/** The license feature each kind of customisation needs. */
const CUSTOMIZATION_FEATURE: Record<CustomizationType, Feature> = {
  BRANDING: "BRANDING",
  DOMAIN: "CUSTOM_DOMAIN",
  SSO: "SSO",
  API: "API_ACCESS",
  FEATURE: "FEATURE_TOGGLES",
  INTEGRATION: "INTEGRATIONS",
};

export const SINGLETON_KEY = "default";

const LABELS: Record<CustomizationType, string> = {
  BRANDING: "Branding",
  DOMAIN: "A custom domain",
  SSO: "Single sign-on",
  API: "API access",
  FEATURE: "Feature toggles",
  INTEGRATION: "Integrations",
};

interface CustomizationGate {
  allowed: boolean;
  feature: Feature;
  /** The lowest tier that includes it: what to upgrade to. */
  requiredTier: Exclude<Tier, "CUSTOM">;
}

/** Whether the organisation's entitlements (null: no license in force) allow a kind. */
export const customizationGate = (
  entitlements: Pick<Entitlements, "features"> | null,
  type: CustomizationType,
): CustomizationGate => {
  const feature = CUSTOMIZATION_FEATURE[type];
  return {
    allowed: entitlements?.features.includes(feature) ?? false,
    feature,
    requiredTier: lowestTierWith(feature),
  };
};

/** Throws TIER_FEATURE_REQUIRED naming the tier needed when the license does not include `type`. */
export const requireCustomizationAllowed = (
  entitlements: Pick<Entitlements, "tier" | "features"> | null,
  type: CustomizationType,
): void => {
  const gate = customizationGate(entitlements, type);
  if (gate.allowed) return;
  const current = entitlements
    ? `this organisation is on ${entitlements.tier}`
    : "this organisation has no license in force";
  throw new DomainError(
    "TIER_FEATURE_REQUIRED",
    `${LABELS[type]} needs the ${gate.requiredTier} tier or above (or CUSTOM with ${gate.feature}); ${current}`,
    {
      type,
      feature: gate.feature,
      requiredTier: gate.requiredTier,
      currentTier: entitlements?.tier ?? null,
    },
  );
};
