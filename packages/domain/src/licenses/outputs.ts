import { z } from "zod";
import { LICENSE_STATUSES } from "./lifecycle.ts";
import { OVER_LIMIT_GRACE } from "./overage.ts";
import { FEATURES, METRICS, SUPPORT_CHANNELS, TIERS } from "./tiers.ts";
import { VALIDATION_CODES } from "./validation.ts";

/**
 * What license procedures answer, as schemas: they check our own output and describe it in
 * the OpenAPI document, so REST integrators see exactly what TypeScript clients get.
 */
const Limit = z.number().int().nullable().describe("null: unlimited");
export const LimitsOutput = z.object({
  ACTIVE_USERS: Limit,
  COURSES: Limit,
  API_CALLS: Limit.describe("per calendar month (UTC); null: unlimited"),
  STORAGE_BYTES: Limit,
});

const OveragePolicyOutput = z.object({
  tolerancePercent: z.number().int().describe("percent over the limit still allowed during the grace"),
  graceDays: z.number().int().describe("days past the limit before it is enforced"),
});
// Named components: the document refers to them instead of repeating them in every license.
const OverageOutput = z
  .object({
    ACTIVE_USERS: OveragePolicyOutput,
    COURSES: OveragePolicyOutput,
    API_CALLS: OveragePolicyOutput,
    STORAGE_BYTES: OveragePolicyOutput,
  })
  .meta({ id: "OveragePolicies" });

const OverLimitOutput = z
  .object({
    metric: z.enum(METRICS),
    used: z.number(),
    limit: z.number().int(),
    overSince: z.date().nullable().describe("when usage first passed the limit"),
    inGrace: z.boolean().describe("still allowed: within the tolerance and before the grace ends"),
    graceEndsAt: z.date().nullable().describe("while in grace: when the limit is enforced"),
  })
  .meta({ id: "LicenseOverLimit" });

const EntitlementsOutput = z.object({
  tier: z.enum(TIERS),
  limits: LimitsOutput,
  overage: OverageOutput,
  features: z.array(z.enum(FEATURES)),
  supportChannel: z.enum(SUPPORT_CHANNELS),
  supportResponseCapHours: z.number().int().nullable(),
  monthlyPriceCents: z.number().int().nullable(),
});

export const LicenseOutput = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string().optional(),
  tier: z.enum(TIERS),
  status: z.enum(LICENSE_STATUSES).describe("effective status: ACTIVE past its expiry reads EXPIRED"),
  storedStatus: z.enum(LICENSE_STATUSES),
  termMonths: z.number().int(),
  autoRenew: z.boolean(),
  startsAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  activatedAt: z.date().nullable(),
  suspendedAt: z.date().nullable(),
  suspendedReason: z.string().nullable(),
  cancelledAt: z.date().nullable(),
  cancelledReason: z.string().nullable(),
  expiredAt: z.date().nullable(),
  renewedAt: z.date().nullable(),
  supportResponseCapHours: z.number().int().nullable(),
  monthlyPriceCents: z.number().int().nullable(),
  customDomain: z.string().nullable(),
  whiteLabel: z.boolean(),
  keyLast4: z.string(),
  keyHint: z.string(),
  keyRotatedAt: z.date().nullable(),
  previousKeyExpiresAt: z
    .date()
    .nullable()
    .describe("while a rotated-out key still validates: when it stops; null otherwise"),
  renewalFailedAt: z
    .date()
    .nullable()
    .describe("set when an auto-renewal was refused: no grace past expiry until renewed"),
  tokenTtlDays: z.number().int().describe("days each offline token is signed for, never past expiresAt"),
  reminderDays: z.array(z.number()).describe("expiry reminder points, days before expiry"),
  overLimit: z
    .array(OverLimitOutput)
    .optional()
    .describe("metrics past their limit now (reading one license only)"),
  version: z.number().int().describe("send as expectedVersion to act only on what you saw"),
  daysUntilExpiry: z.number().int().nullable(),
  entitlements: EntitlementsOutput,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type LicenseOutput = z.infer<typeof LicenseOutput>;

export const LicenseWithKeyOutput = z.object({
  license: LicenseOutput,
  key: z.string().describe("shown once: store it now, only its hash is kept"),
});

export const RotatedKeyOutput = LicenseWithKeyOutput.extend({
  previousKeyExpiresAt: z
    .date()
    .nullable()
    .describe("when the old key stops validating; null: it stopped at once"),
});

export const ValidationOutput = z.object({
  valid: z.boolean(),
  code: z.enum(VALIDATION_CODES),
  license: z
    .object({
      id: z.uuid(),
      organizationId: z.uuid(),
      organizationName: z.string(),
      organizationSlug: z.string(),
      tier: z.enum(TIERS),
      status: z.enum(LICENSE_STATUSES),
      startsAt: z.date().nullable(),
      expiresAt: z.date().nullable(),
    })
    .nullable(),
  limits: LimitsOutput.nullable(),
  features: z.array(z.enum(FEATURES)).nullable(),
  flags: z
    .record(z.string(), z.boolean())
    .nullable()
    .describe("the organisation's feature toggles (ENTERPRISE and CUSTOM with FEATURE_TOGGLES; else empty)"),
  usage: z.record(z.string(), z.number()).nullable(),
  warning: z
    .enum([OVER_LIMIT_GRACE])
    .nullable()
    .describe("the metric asked about is past its limit but within its tolerance and grace"),
  graceEndsAt: z.date().nullable().describe("with the warning: when the limit is enforced"),
});

/** A cursor page of licenses, newest first. */
export const LicensePageOutput = z.object({
  items: z.array(LicenseOutput),
  nextCursor: z.string().nullable().describe("pass as cursor for the next page; null on the last page"),
});

/** The expiring licenses at once (not paged): soonest expiry first, at most 1,000. */
export const ExpiringLicensesOutput = z.object({
  items: z
    .array(LicenseOutput)
    .describe("ACTIVE licenses expiring within `days`, soonest first; at most 1,000"),
});

const StatusCounts = z.record(z.enum(LICENSE_STATUSES), z.number().int());

export const LicenseStatsOutput = z.object({
  total: z.number().int(),
  byTier: z.record(z.enum(TIERS), StatusCounts).describe("licenses by tier and effective status"),
  byStatus: StatusCounts.describe("licenses by effective status"),
  seats: z.object({
    licensed: z.number().int().describe("ACTIVE_USERS summed over ACTIVE licenses with a limit"),
    unlimitedLicenses: z.number().int().describe("ACTIVE licenses with unlimited users"),
  }),
  expiringWithin30Days: z.number().int(),
});

/** An organisation's license: the one in force (else its latest) and every one it had. */
export const OrganizationLicenseOutput = z.object({
  current: LicenseOutput.nullable().describe("the license in force, else the latest; null when none"),
  history: z.array(LicenseOutput).describe("newest first"),
});

export const LicenseTokenOutput = z.object({
  token: z.string().describe("EdDSA JWT; verify it against /.well-known/jwks.json"),
  kid: z.string().describe("the signing key's id, as in the token's header"),
  expiresAt: z.date().describe("the token's exp: tokenTtlDays from now, never past the license's expiry"),
});
