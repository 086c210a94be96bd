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

/** LAPSED: was verified, but its TXT proof went missing for DOMAIN_LAPSE_HOURS; no longer served. */
export const DOMAIN_STATUSES = ["PENDING", "VERIFIED", "FAILED", "LAPSED"] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];

/** What people call each domain status (custom domains and SSO domain claims alike). */
export const DOMAIN_STATUS_LABELS: Record<DomainStatus, string> = {
  PENDING: "Pending verification",
  VERIFIED: "Verified",
  FAILED: "Failed verification",
  LAPSED: "Lapsed",
};

/** Where the proof of control lives, and what it must hold. */
const VERIFICATION_PREFIX = "_tessera";
export const verificationRecordName = (hostname: string) => `${VERIFICATION_PREFIX}.${hostname}`;
export const verificationRecordValue = (token: string) => `tessera-verification=${token}`;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

const refuser =
  (field: string) =>
  (message: string): never => {
    throw new DomainError("VALIDATION_FAILED", message, { field });
  };

/**
 * The checks a custom domain and an SSO email domain share: a syntactically valid name, not
 * an IP, not a public suffix, not one of ours. Returns it lower-case, without a trailing dot.
 */
export const normalizeDomainName = (
  raw: string,
  platformDomains: readonly string[],
  options: { field: string; requireIcann: boolean },
): string => {
  const refuse = refuser(options.field);
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
  if (options.requireIcann && (!parsed.isIcann || !parsed.domain || !parsed.publicSuffix)) {
    refuse(
      "must end in a public top-level domain (localhost, .local, .internal and the like cannot be verified)",
    );
  }
  if (!parsed.domain || hostname === parsed.publicSuffix) {
    refuse("is a public suffix; use a name you own under it");
  }
  for (const ours of platformDomains) {
    const domain = ours.toLowerCase();
    if (hostname === domain || hostname.endsWith(`.${domain}`)) refuse("is one of Tessera's own domains");
  }
  return hostname;
};

/**
 * A hostname an organisation may point at us: a syntactically valid public name under an
 * ICANN suffix (not the suffix itself), not an IP, not a reserved name, and not one of ours.
 */
export const normalizeCustomDomain = (raw: string, platformDomains: readonly string[]): string =>
  normalizeDomainName(raw, platformDomains, { field: "hostname", requireIcann: true });

/**
 * A hostname as a TLS proxy asks about it (`?domain=`): lower case, one trailing dot dropped,
 * or null when it is no syntactically valid hostname (empty, over 253 characters, bad labels).
 */
export const askedHostname = (raw: string | null): string | null => {
  const hostname = (raw ?? "").toLowerCase().replace(/\.$/, "");
  if (hostname.length === 0 || hostname.length > 253) return null;
  const labels = hostname.split(".");
  return labels.length >= 2 && labels.every((label) => LABEL.test(label)) ? hostname : null;
};

/** What the resolver answered for the TXT name: the records found, or the DNS error code. */
export type DnsAnswer = { records: string[] } | { error: string };

interface DomainCheckVerdict {
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
/** Whether a domain set at `setAt` is still inside the window the sweep re-checks it in. */
export const inVerificationWindow = (setAt: Date, now: Date): boolean =>
  now.getTime() - setAt.getTime() < DOMAIN_RECHECK_WINDOW_HOURS * 3_600_000;

/** How often, within that window, the sweep looks again at one unverified domain. */
export const DOMAIN_RECHECK_INTERVAL_MINUTES = 5;

/**
 * How long an unverified claim (custom domain or SSO email domain) lives: after that the
 * sweep marks it FAILED "claim expired". Unverified claims never block another organisation;
 * expiry tells the claimant it went stale and stops the sweep looking at it.
 */
export const CLAIM_EXPIRY_DAYS = 7;
export const CLAIM_EXPIRED_REASON = `Claim expired: not verified within ${CLAIM_EXPIRY_DAYS} days`;

/** Why an unverified claim lost: another organisation proved control first. */
export const CLAIM_TAKEN_REASON = "Verified by another organisation, whose DNS record proved control";

/** Whether an unverified claim set at `setAt` has outlived its time. */
export const claimExpired = (setAt: Date, now: Date): boolean =>
  now.getTime() - setAt.getTime() >= CLAIM_EXPIRY_DAYS * 86_400_000;
