import { z } from "zod";
import { ROUTING_STATUSES } from "./domain-routing.ts";
import { DOMAIN_STATUSES } from "./domains.ts";
import { WEBHOOK_EVENT_TYPES } from "./integrations.ts";

/*
 * What a customization record's JSON `value` holds, per kind. The API reads every stored value
 * through these schemas, so a value of the wrong shape fails loudly where it is read instead
 * of travelling on under a cast.
 */

/** Where a custom domain pointed at its last check (stored and shown; it does not decide VERIFIED). */
const DomainRouting = z.object({
  status: z.enum(ROUTING_STATUSES),
  reason: z.string(),
  records: z.array(z.string()),
  /** The platform target's addresses at that check: what an apex's A/AAAA records must hold. */
  targetAddresses: z.array(z.string()),
  checkedAt: z.string(),
});

/** A DOMAIN record: the hostname, its proof token and the last DNS check. */
export const DomainValue = z.object({
  hostname: z.string(),
  token: z.string(),
  status: z.enum(DOMAIN_STATUSES),
  /** The DNS answer that decided the status, in words. */
  reason: z.string().nullable(),
  /** The TXT records seen at the last check, or the DNS error. */
  dnsRecords: z.array(z.string()).nullable(),
  dnsError: z.string().nullable(),
  setAt: z.string(),
  checkedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  checks: z.number().int(),
  /** When a VERIFIED domain's TXT proof was first found missing; cleared when it is seen again. */
  proofMissingSince: z.string().nullable().default(null),
  /** When the domain lapsed (LAPSED only). */
  lapsedAt: z.string().nullable().default(null),
  /** Where the hostname pointed at the last check; null before the first (or for records older than the check). */
  routing: DomainRouting.nullable().default(null),
});
export type DomainValue = z.output<typeof DomainValue>;

/** An INTEGRATION record (the signing secret is stored encrypted beside it). */
export const Integration = z.object({
  name: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
});
export type Integration = z.output<typeof Integration>;

const SsoCommon = {
  allowedDomains: z.array(z.string()),
  enforced: z.boolean(),
  // records saved before just-in-time provisioning existed read as "off"
  jitProvisioning: z.boolean().default(false),
  defaultRole: z.enum(["MEMBER", "ADMIN"]).default("MEMBER"),
};

/** An OIDC SSO record (the client secret is sealed apart). */
export const OidcSettingsValue = z.object({
  protocol: z.literal("OIDC"),
  issuer: z.string(),
  clientId: z.string(),
  ...SsoCommon,
});
export type OidcSettingsValue = z.output<typeof OidcSettingsValue>;

/** A SAML SSO record with what was read from its certificate. */
export const SamlSettingsValue = z.object({
  protocol: z.literal("SAML"),
  entityId: z.string(),
  metadataUrl: z.string().optional(),
  ssoUrl: z.string(),
  certificate: z.string(),
  certificateSubject: z.string(),
  certificateFingerprint256: z.string(),
  certificateExpiresAt: z.string(),
  ...SsoCommon,
});

export type SamlSettingsValue = z.output<typeof SamlSettingsValue>;

export const SsoSettingsValue = z.discriminatedUnion("protocol", [OidcSettingsValue, SamlSettingsValue]);
export type SsoSettingsValue = z.output<typeof SsoSettingsValue>;
