import { z } from "zod";
import { effectiveStatus, IN_FORCE_STATUSES, type LicenseStatus } from "../licenses/lifecycle.ts";
import { entitlementsFor, type Feature, type Tier } from "../licenses/tiers.ts";
import { customizationGate } from "./customizations.ts";

export const EnableApiInput = z.object({ enabled: z.boolean() });
export type EnableApiInput = z.input<typeof EnableApiInput>;

/**
 * Requests per minute an organisation's API keys may make together, by tier. CUSTOM gets
 * ENTERPRISE's allowance: its contract negotiates usage limits, not request rates.
 */
export const API_REQUESTS_PER_MINUTE: Record<Tier, number> = {
  STARTER: 600,
  PROFESSIONAL: 3_000,
  ENTERPRISE: 30_000,
  CUSTOM: 30_000,
};

/** Why an organisation's API keys are refused: switched off, no license in force, or a tier without API access. */
export type ApiAccessRefusal = "SWITCHED_OFF" | "NO_LICENSE_IN_FORCE" | "NOT_ENTITLED";

interface ApiAccessLicense {
  status: LicenseStatus;
  expiresAt: Date | null;
  autoRenew: boolean;
  renewalFailedAt: Date | null;
  tier: Tier;
  customFeatures: Feature[] | null;
}

/**
 * Whether an organisation's keys may call at `now`, or why not. A license is in force when its
 * status as of `now` is PENDING, ACTIVE or SUSPENDED (the platform still reports usage and opens
 * tickets while suspended); an ACTIVE license past its expiry, or none at all, stops every key.
 */
export const apiAccessRefusal = (
  enabled: boolean,
  license: ApiAccessLicense | null,
  now: Date,
): ApiAccessRefusal | null => {
  if (!enabled) return "SWITCHED_OFF";
  if (!license || !(IN_FORCE_STATUSES as readonly LicenseStatus[]).includes(effectiveStatus(license, now))) {
    return "NO_LICENSE_IN_FORCE";
  }
  if (!customizationGate(entitlementsFor(license), "API").allowed) return "NOT_ENTITLED";
  return null;
};
