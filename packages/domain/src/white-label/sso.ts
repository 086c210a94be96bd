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

const OidcSsoInput = z.object({
  protocol: z.literal("OIDC"),
  issuer: WebUrl,
  clientId: textInput().min(1, { message: "is required" }).max(255),
  /** Omit to keep the secret already stored. */
  clientSecret: textInput({ trim: false }).min(1, { message: "is required" }).max(1024).optional(),
  allowedDomains: AllowedDomains,
  /** Refuse password sign-in for the organisation's users. */
  enforced: z.boolean().default(false),
});

const SamlSsoInput = z.object({
  protocol: z.literal("SAML"),
  entityId: textInput().min(1, { message: "is required" }).max(1024),
  ssoUrl: WebUrl,
  certificate: textInput({ multiline: true })
    .max(16_384)
    .regex(PEM_CERTIFICATE, { message: "must be a PEM X.509 certificate (-----BEGIN CERTIFICATE-----)" }),
  allowedDomains: AllowedDomains,
  enforced: z.boolean().default(false),
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
