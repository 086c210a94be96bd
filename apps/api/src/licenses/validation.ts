import { licenses, organizations } from "@tessera/db/schema";
import {
  effectiveStatus,
  entitlementsFor,
  type Feature,
  type Limits,
  requireLicenseKey,
  type UsageSnapshot,
  type ValidateLicenseInput,
  validationCode,
} from "@tessera/domain";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { sha256 } from "../auth/tokens.ts";
import type { AppDeps } from "../context.ts";

/** Where validation reads current usage from; the usage area provides the real one. */
export type UsageReader = (licenseId: string, now: Date) => Promise<UsageSnapshot>;

export const noUsageRecorded: UsageReader = async () => ({});

/**
 * The hot path: the platform calls this on every sign-in. A mistyped key is refused before
 * any lookup (400 naming `key`); a well-formed key costs one indexed query.
 */
export const checkLicenseValidity = async (
  deps: Pick<AppDeps, "db" | "clock" | "validationLimiter">,
  input: z.output<typeof ValidateLicenseInput>,
  ip: string | null,
  readUsage: UsageReader = noUsageRecorded,
) => {
  const key = requireLicenseKey(input.key);
  const keyHash = sha256(key);
  await deps.validationLimiter.consume(keyHash, ip);
  const [row] = await deps.db
    .select({
      license: licenses,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
    })
    .from(licenses)
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .where(eq(licenses.keyHash, keyHash));
  if (!row) {
    return {
      valid: false,
      code: "NOT_FOUND" as const,
      license: null,
      limits: null,
      features: null,
      usage: null,
    };
  }
  const now = deps.clock.now();
  const { license } = row;
  const status = effectiveStatus(license, now);
  const entitlements = entitlementsFor({
    tier: license.tier,
    customLimits: license.customLimits as Limits | null,
    customFeatures: license.customFeatures as Feature[] | null,
  });
  const usage = await readUsage(license.id, now);
  const code = validationCode(status, entitlements, input, usage);
  return {
    valid: code === "VALID",
    code,
    license: {
      id: license.id,
      organizationId: license.organizationId,
      organizationName: row.organizationName,
      organizationSlug: row.organizationSlug,
      tier: license.tier,
      status,
      startsAt: license.startsAt,
      expiresAt: license.expiresAt,
    },
    limits: entitlements.limits,
    features: entitlements.features,
    usage,
  };
};
