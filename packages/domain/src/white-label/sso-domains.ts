import { z } from "zod";
import { DomainError } from "../errors.ts";
import { textInput } from "../text-input.ts";
import { normalizeDomainName } from "./domains.ts";

/**
 * Mailbox providers whose addresses belong to the public, not to one customer: no
 * organisation may route them to its identity provider. Subdomains are refused too.
 */
const PUBLIC_MAIL_DOMAINS: readonly string[] = [
  "126.com",
  "163.com",
  "aol.com",
  "fastmail.com",
  "gmail.com",
  "gmx.com",
  "gmx.de",
  "gmx.net",
  "googlemail.com",
  "hey.com",
  "hotmail.co.uk",
  "hotmail.com",
  "hotmail.fr",
  "icloud.com",
  "live.com",
  "mac.com",
  "mail.com",
  "mail.ru",
  "me.com",
  "msn.com",
  "outlook.com",
  "pm.me",
  "proton.me",
  "protonmail.com",
  "qq.com",
  "tuta.io",
  "tutanota.com",
  "web.de",
  "yahoo.co.uk",
  "yahoo.com",
  "yahoo.fr",
  "yandex.com",
  "yandex.ru",
  "ymail.com",
  "zoho.com",
];

export const SsoDomainInput = z.object({
  domain: textInput()
    .min(1, { message: "is required" })
    .max(253, { message: "must be at most 253 characters" }),
});
export type SsoDomainInput = z.input<typeof SsoDomainInput>;

export const SsoDomainId = z.object({ ssoDomainId: z.uuid({ message: "must be an SSO domain id" }) });
export type SsoDomainId = z.input<typeof SsoDomainId>;

const underAny = (domain: string, parents: readonly string[]) =>
  parents.some((parent) => {
    const lower = parent.toLowerCase();
    return domain === lower || domain.endsWith(`.${lower}`);
  });

/**
 * An email domain an organisation may prove and route to its identity provider: a valid
 * name that is not a public suffix, not a public mailbox provider and not one of ours.
 * Reserved test names (.test, .example) pass here; only a DNS TXT record proves control.
 */
export const normalizeSsoDomain = (
  raw: string,
  platformDomains: readonly string[],
  field = "domain",
): string => {
  const domain = normalizeDomainName(raw, platformDomains, { field, requireIcann: false });
  if (underAny(domain, PUBLIC_MAIL_DOMAINS)) {
    throw new DomainError(
      "VALIDATION_FAILED",
      `${domain} is a public email provider: its addresses belong to no single organisation`,
      { field },
    );
  }
  return domain;
};
