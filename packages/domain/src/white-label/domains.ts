import { parse } from "tldts";
import { z } from "zod";
import { DomainError } from "../errors.ts";
import { textInput } from "../text-input.ts";

export const CustomDomainInput = z.object({
  hostname: textInput()
    .min(1, { message: "is required" })
    .max(253, { message: "must be at most 253 characters" }),
});
export type CustomDomainInput = z.input<typeof CustomDomainInput>;

export const DOMAIN_STATUSES = ["PENDING", "VERIFIED", "FAILED"] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];

/** Where the proof of control lives, and what it must hold. */
export const VERIFICATION_PREFIX = "_tessera";
export const verificationRecordName = (hostname: string) => `${VERIFICATION_PREFIX}.${hostname}`;
export const verificationRecordValue = (token: string) => `tessera-verification=${token}`;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

const refuse = (message: string): never => {
  throw new DomainError("VALIDATION_FAILED", message, { field: "hostname" });
};

/**
 * A hostname an organisation may point at us: a syntactically valid public name under an
 * ICANN suffix (not the suffix itself), not an IP, not a reserved name, and not one of ours.
 * Returns it lower-case, without a trailing dot.
 */
export const normalizeCustomDomain = (raw: string, platformDomains: readonly string[]): string => {
  const hostname = raw.trim().toLowerCase().replace(/\.$/, "");
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(hostname) || /[/:@?#\s]/.test(hostname)) {
    refuse("must be a hostname only, such as learn.example.com (no scheme, port or path)");
  }
  // Punycode needs a URL parser the pure package does not have: ask for the ASCII form.
  if (/[^\x20-\x7e]/.test(hostname)) refuse("must be in its ASCII form (xn--…) for international names");
  const parsed = parse(hostname, { allowPrivateDomains: true });
  if (parsed.isIp) refuse("must be a name, not an IP address");
  const labels = hostname.split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) refuse("is not a valid hostname");
  if (!parsed.isIcann || !parsed.domain || !parsed.publicSuffix) {
    refuse(
      "must end in a public top-level domain (localhost, .local, .internal and the like cannot be verified)",
    );
  }
  if (hostname === parsed.publicSuffix) refuse("is a public suffix; use a name you own under it");
  for (const ours of platformDomains) {
    const domain = ours.toLowerCase();
    if (hostname === domain || hostname.endsWith(`.${domain}`)) refuse("is one of Tessera's own domains");
  }
  return hostname;
};

/** What the resolver answered for the TXT name: the records found, or the DNS error code. */
export type DnsAnswer = { records: string[] } | { error: string };

export interface DomainCheckVerdict {
  status: Extract<DomainStatus, "VERIFIED" | "FAILED">;
  reason: string;
}

/** Judge a DNS answer: verified when one TXT record holds exactly the expected value. */
export const judgeDomainCheck = (hostname: string, token: string, answer: DnsAnswer): DomainCheckVerdict => {
  const name = verificationRecordName(hostname);
  const expected = verificationRecordValue(token);
  if ("error" in answer) {
    const reason =
      answer.error === "ENOTFOUND" || answer.error === "ENODATA"
        ? `No TXT record found at ${name} (${answer.error})`
        : `The DNS lookup of ${name} failed (${answer.error})`;
    return { status: "FAILED", reason };
  }
  if (answer.records.some((record) => record.trim() === expected)) {
    return { status: "VERIFIED", reason: `TXT record at ${name} holds the verification token` };
  }
  const found = answer.records.map((record) => JSON.stringify(record)).join(", ");
  return {
    status: "FAILED",
    reason: answer.records.length
      ? `TXT records at ${name} do not hold the token: found ${found}`
      : `No TXT record found at ${name}`,
  };
};

/** How long after a domain is set the sweep keeps re-checking an unverified one. */
export const DOMAIN_RECHECK_WINDOW_HOURS = 72;
