import { z } from "zod";
import { DomainError } from "../errors.ts";
import { textInput } from "../text-input.ts";

export const SSO_PROTOCOLS = ["OIDC", "SAML"] as const;
export type SsoProtocol = (typeof SSO_PROTOCOLS)[number];

/** An http(s) URL; whether plain http is acceptable is decided by `requireSecureUrl`. */
export const WebUrl = textInput()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, message: "must be an https:// URL" }));

const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/, {
    message: "must be an email domain such as example.com",
  });

const AllowedDomains = z
  .array(EmailDomain)
  .min(1, { message: "name at least one email domain" })
  .max(50)
  .transform((domains) => [...new Set(domains)]);

const PEM_CERTIFICATE = /^-----BEGIN CERTIFICATE-----\s+[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----$/;

/** First sign-in through SSO creates the user (verified domain only) with this role. */
const Provisioning = {
  jitProvisioning: z.boolean().default(false),
  defaultRole: z.enum(["MEMBER", "ADMIN"]).default("MEMBER"),
};

const OidcSsoInput = z.object({
  protocol: z.literal("OIDC"),
  issuer: WebUrl,
  clientId: textInput().min(1, { message: "is required" }).max(255),
  /** Omit to keep the secret already stored. */
  clientSecret: textInput({ trim: false }).min(1, { message: "is required" }).max(1024).optional(),
  allowedDomains: AllowedDomains,
  /** Refuse password sign-in for the organisation's users. */
  enforced: z.boolean().default(false),
  ...Provisioning,
});

/**
 * The identity provider either from its metadata (pasted XML or a URL we fetch) or entered by
 * hand (entity id, HTTP-Redirect sign-in URL, signing certificate).
 */
const SamlSsoInput = z
  .object({
    protocol: z.literal("SAML"),
    metadataXml: textInput({ multiline: true }).min(1).max(262_144).optional(),
    metadataUrl: WebUrl.optional(),
    entityId: textInput().min(1, { message: "is required" }).max(1024).optional(),
    ssoUrl: WebUrl.optional(),
    certificate: textInput({ multiline: true })
      .max(16_384)
      .regex(PEM_CERTIFICATE, { message: "must be a PEM X.509 certificate (-----BEGIN CERTIFICATE-----)" })
      .optional(),
    allowedDomains: AllowedDomains,
    enforced: z.boolean().default(false),
    ...Provisioning,
  })
  .superRefine((input, issues) => {
    if (input.metadataXml !== undefined || input.metadataUrl !== undefined) return;
    for (const field of ["entityId", "ssoUrl", "certificate"] as const) {
      if (input[field] === undefined) {
        issues.addIssue({
          code: "custom",
          path: [field],
          message: "is required without metadataXml or metadataUrl",
        });
      }
    }
  });

export const SsoInput = z.discriminatedUnion("protocol", [OidcSsoInput, SamlSsoInput]);
export type SsoInput = z.input<typeof SsoInput>;

export const SsoDiscoverInput = z.object({
  email: z.string().trim().toLowerCase().email({ message: "must be an email address" }).max(254),
});
export type SsoDiscoverInput = z.input<typeof SsoDiscoverInput>;

const LOOPBACK_HTTP = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?(?:[/?#]|$)/i;

/**
 * https only; plain http only to a loopback host and only where the deployment allows it
 * (local development and the test suite run their identity provider and webhook receiver
 * on 127.0.0.1).
 */
export const requireSecureUrl = (field: string, value: string, allowInsecureLoopback: boolean): void => {
  if (/^https:\/\//i.test(value)) return;
  if (allowInsecureLoopback && LOOPBACK_HTTP.test(value)) return;
  throw new DomainError("VALIDATION_FAILED", "must be an https:// URL", { field });
};

/** The domain part of an email, lower-case. */
export const emailDomainOf = (email: string): string => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

export const emailDomainAllowed = (email: string, allowedDomains: readonly string[]): boolean =>
  allowedDomains.includes(emailDomainOf(email));

/**
 * Break-glass: under SSO enforcement an organisation's owners keep their password (with their
 * MFA), so a broken identity provider or a lapsed certificate never locks it out of its own
 * settings. Everyone else must sign in through the provider.
 */
export const keepsPasswordUnderSso = (role: string): boolean => role === "OWNER";
