/**
 * The tier table of SPEC §2 as data. `null` means unlimited — never a magic number.
 */
export const TIERS = ["STARTER", "PROFESSIONAL", "ENTERPRISE", "CUSTOM"] as const;
export type Tier = (typeof TIERS)[number];

export const METRICS = ["ACTIVE_USERS", "COURSES", "API_CALLS", "STORAGE_BYTES"] as const;
export type Metric = (typeof METRICS)[number];

/** Per metric: the most allowed (API calls per calendar month), or null for unlimited. */
export type Limits = Record<Metric, number | null>;

/** What a license may switch on; white-label customisations are gated by these. */
export const FEATURES = [
  "BRANDING",
  "CUSTOM_DOMAIN",
  "SSO",
  "API_ACCESS",
  "FEATURE_TOGGLES",
  "INTEGRATIONS",
  "PRIORITY_SUPPORT",
  "DEDICATED_SUPPORT",
] as const;
export type Feature = (typeof FEATURES)[number];

export const SUPPORT_CHANNELS = ["EMAIL", "PRIORITY", "DEDICATED", "ACCOUNT_MANAGER"] as const;
type SupportChannel = (typeof SUPPORT_CHANNELS)[number];

/**
 * How far past a limit use is still allowed, and for how long: within `tolerancePercent` over
 * the limit, for `graceDays` after usage first passed it (Keygen's overage strategies).
 */
export interface OveragePolicy {
  tolerancePercent: number;
  graceDays: number;
}
export type OveragePolicies = Record<Metric, OveragePolicy>;

const overage = (tolerance: Record<Metric, number>, graceDays: number): OveragePolicies => ({
  ACTIVE_USERS: { tolerancePercent: tolerance.ACTIVE_USERS, graceDays },
  COURSES: { tolerancePercent: tolerance.COURSES, graceDays },
  API_CALLS: { tolerancePercent: tolerance.API_CALLS, graceDays },
  STORAGE_BYTES: { tolerancePercent: tolerance.STORAGE_BYTES, graceDays },
});

/** Seats and storage are hard costs (10 %); API calls burst (25 %). */
const STANDARD_TOLERANCE = { ACTIVE_USERS: 10, COURSES: 10, API_CALLS: 25, STORAGE_BYTES: 10 };

interface TierDefinition {
  limits: Limits;
  /** Per metric: the default tolerance and grace past the limit. */
  overage: OveragePolicies;
  features: readonly Feature[];
  supportChannel: SupportChannel;
  /** Cap on the first-response SLA in hours; null: the priority table alone decides. */
  supportResponseCapHours: number | null;
  /** List price per month in cents (USD), what auto-renewal invoices. CUSTOM: set per license. */
  monthlyPriceCents: number | null;
}

const GIB = 1024 ** 3;

export const TIER_DEFINITIONS: Record<Tier, TierDefinition> = {
  STARTER: {
    limits: { ACTIVE_USERS: 100, COURSES: 10, API_CALLS: 10_000, STORAGE_BYTES: 10 * GIB },
    overage: overage(STANDARD_TOLERANCE, 7),
    features: ["BRANDING", "API_ACCESS"],
    supportChannel: "EMAIL",
    supportResponseCapHours: null,
    monthlyPriceCents: 49_900,
  },
  PROFESSIONAL: {
    limits: { ACTIVE_USERS: 500, COURSES: 100, API_CALLS: 100_000, STORAGE_BYTES: 100 * GIB },
    overage: overage(STANDARD_TOLERANCE, 14),
    features: ["BRANDING", "CUSTOM_DOMAIN", "SSO", "API_ACCESS", "PRIORITY_SUPPORT"],
    supportChannel: "PRIORITY",
    supportResponseCapHours: 4,
    monthlyPriceCents: 199_900,
  },
  ENTERPRISE: {
    limits: { ACTIVE_USERS: null, COURSES: null, API_CALLS: null, STORAGE_BYTES: null },
    overage: overage(STANDARD_TOLERANCE, 30),
    features: [
      "BRANDING",
      "CUSTOM_DOMAIN",
      "SSO",
      "API_ACCESS",
      "FEATURE_TOGGLES",
      "INTEGRATIONS",
      "PRIORITY_SUPPORT",
      "DEDICATED_SUPPORT",
    ],
    supportChannel: "DEDICATED",
    supportResponseCapHours: 1,
    monthlyPriceCents: 999_900,
  },
  // CUSTOM has no defaults of its own: every value comes from the license.
  CUSTOM: {
    limits: { ACTIVE_USERS: null, COURSES: null, API_CALLS: null, STORAGE_BYTES: null },
    // The starting point of a negotiation; each metric can be overridden on the license.
    overage: overage(STANDARD_TOLERANCE, 7),
    features: [],
    supportChannel: "ACCOUNT_MANAGER",
    supportResponseCapHours: null,
    monthlyPriceCents: null,
  },
};

/** The lowest tier that includes a feature, for "upgrade to X" errors. */
export const lowestTierWith = (feature: Feature): Exclude<Tier, "CUSTOM"> => {
  const tier = (["STARTER", "PROFESSIONAL", "ENTERPRISE"] as const).find((name) =>
    TIER_DEFINITIONS[name].features.includes(feature),
  );
  return tier ?? "ENTERPRISE";
};

interface EntitlementSource {
  tier: Tier;
  /** CUSTOM only: the negotiated values. */
  customLimits?: Limits | null;
  customFeatures?: readonly Feature[] | null;
  customOverage?: Partial<OveragePolicies> | null;
  customSupportResponseCapHours?: number | null;
  customMonthlyPriceCents?: number | null;
}

export interface Entitlements {
  tier: Tier;
  limits: Limits;
  overage: OveragePolicies;
  features: Feature[];
  supportChannel: SupportChannel;
  supportResponseCapHours: number | null;
  monthlyPriceCents: number | null;
}

/** What a license entitles its organisation to: the tier's defaults, or CUSTOM's explicit values. */
export const entitlementsFor = (license: EntitlementSource): Entitlements => {
  const definition = TIER_DEFINITIONS[license.tier];
  if (license.tier !== "CUSTOM") {
    return { tier: license.tier, ...definition, features: [...definition.features] };
  }
  return {
    tier: "CUSTOM",
    limits: { ...definition.limits, ...(license.customLimits ?? {}) },
    overage: { ...definition.overage, ...(license.customOverage ?? {}) },
    features: [...(license.customFeatures ?? [])],
    supportChannel: definition.supportChannel,
    supportResponseCapHours: license.customSupportResponseCapHours ?? null,
    monthlyPriceCents: license.customMonthlyPriceCents ?? null,
  };
};

export const hasFeature = (entitlements: Pick<Entitlements, "features">, feature: Feature): boolean =>
  entitlements.features.includes(feature);
