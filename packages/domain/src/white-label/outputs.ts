import { z } from "zod";
import { FEATURES, TIERS } from "../licenses/tiers.ts";
import { CUSTOMIZATION_TYPES } from "./customizations.ts";
import { ROUTING_STATUSES } from "./domain-routing.ts";
import { DOMAIN_STATUSES } from "./domains.ts";
import { WEBHOOK_EVENT_TYPES } from "./integrations.ts";

/*
 * The effective white-label configuration as the REST API answers it. Secrets never appear:
 * the webhook signing secret and the SSO client secret show only as `hasSecret` /
 * `hasClientSecret`, and a webhook's URL only as its origin (paths often carry tokens).
 */
const Gate = z.object({
  allowed: z.boolean().describe("the organisation's license includes this customisation"),
  feature: z.enum(FEATURES),
  requiredTier: z.enum(TIERS),
});

const Branding = z.object({
  companyName: z.string(),
  logoUrl: z.string().nullable(),
  logoAssetId: z.uuid().nullable(),
  primaryColor: z.string(),
  secondaryColor: z.string(),
  accentColor: z.string(),
  logoSrc: z.string().nullable().describe("where the logo is served from"),
});

const Domain = z.object({
  id: z.uuid(),
  hostname: z.string(),
  status: z.enum(DOMAIN_STATUSES),
  reason: z.string().nullable(),
  checkedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  proofMissingSince: z
    .string()
    .nullable()
    .describe("a verified domain whose TXT proof is missing: since when (it lapses 72 hours later)"),
  routing: z
    .object({ status: z.enum(ROUTING_STATUSES), reason: z.string(), checkedAt: z.string() })
    .nullable()
    .describe(
      "where the hostname pointed at the last check (CNAME or A/AAAA to the platform); null: not checked",
    ),
  verification: z
    .object({ type: z.literal("TXT"), name: z.string(), value: z.string() })
    .describe("the DNS record that proves control of the hostname"),
  updatedAt: z.date(),
});

const SsoCommon = {
  id: z.uuid(),
  allowedDomains: z.array(z.string()),
  enforced: z.boolean(),
  jitProvisioning: z.boolean().describe("a first SSO sign-in from a verified domain creates the user"),
  defaultRole: z.enum(["MEMBER", "ADMIN"]).describe("the role of users created by SSO"),
  active: z.boolean().describe("the license includes SSO"),
  updatedAt: z.date(),
};
const Sso = z.discriminatedUnion("protocol", [
  z.object({
    protocol: z.literal("OIDC"),
    issuer: z.string(),
    clientId: z.string(),
    hasClientSecret: z.boolean(),
    ...SsoCommon,
  }),
  z.object({
    protocol: z.literal("SAML"),
    entityId: z.string(),
    metadataUrl: z.string().optional(),
    ssoUrl: z.string(),
    certificateSubject: z.string(),
    certificateFingerprint256: z.string(),
    certificateExpiresAt: z.string(),
    ...SsoCommon,
  }),
]);

export const WhiteLabelConfigOutput = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  tier: z.enum(TIERS).nullable().describe("null: no license in force"),
  gates: z.record(z.enum(CUSTOMIZATION_TYPES), Gate),
  branding: z.object({
    enabled: z.boolean(),
    active: z.boolean().describe("enabled and allowed by the license: the saved branding shows"),
    saved: Branding.nullable(),
    effective: Branding.describe("what shows: the saved branding when active, else Tessera's"),
  }),
  domain: Domain.nullable(),
  sso: Sso.nullable(),
  api: z.object({
    enabled: z.boolean(),
    active: z.boolean(),
    refusal: z.enum(["SWITCHED_OFF", "NO_LICENSE_IN_FORCE", "NOT_ENTITLED"]).nullable(),
    requestsPerMinute: z.number().int().nullable(),
    activeKeys: z.number().int(),
  }),
  featureToggles: z.array(
    z.object({
      id: z.uuid(),
      key: z.string(),
      enabled: z.boolean(),
      description: z.string().nullable(),
      updatedAt: z.date(),
    }),
  ),
  featureTogglesActive: z.boolean(),
  integrations: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      urlOrigin: z.string().describe("scheme and host of the webhook URL; the rest stays private"),
      events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
      enabled: z.boolean(),
      hasSecret: z.boolean(),
      createdAt: z.date(),
      updatedAt: z.date(),
    }),
  ),
});
export type WhiteLabelConfigOutput = z.input<typeof WhiteLabelConfigOutput>;
