import type { Profile } from "@node-saml/node-saml";
import { samlAssertionIds } from "@tessera/db/schema";
import { lt } from "drizzle-orm";
import { sha256 } from "../auth/tokens.ts";
import type { AppDeps } from "../context.ts";

const SKEW_MS = 60_000;
const MAX_REMEMBERED_MS = 86_400_000;
const EMAIL_ATTRIBUTES = [
  "email",
  "mail",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
];
const NAME_ATTRIBUTES = ["displayName", "name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"];

type Node = { $?: Record<string, string> } & Record<string, unknown>;
const first = (value: unknown): Node | undefined => (Array.isArray(value) ? (value[0] as Node) : undefined);
const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : Array.isArray(value) ? text(value[0]) : undefined;

/** What the signed assertion (as node-saml verified and parsed it) says beyond the profile. */
export const assertionFacts = (profile: Profile) => {
  const assertion = first([(profile.getAssertion?.() as { Assertion?: Node } | undefined)?.Assertion]);
  const confirmation = first(
    first(first(assertion?.Subject)?.SubjectConfirmation)?.SubjectConfirmationData,
  )?.$;
  const conditions = first(assertion?.Conditions)?.$;
  const session = first(assertion?.AuthnStatement)?.$;
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const attribute = (names: string[]) => names.map((n) => text(attributes[n])).find((v) => v?.includes("@"));
  const email = attribute(EMAIL_ATTRIBUTES) ?? (profile.nameID?.includes("@") ? profile.nameID : undefined);
  return {
    id: assertion?.$?.ID ?? null,
    recipient: confirmation?.Recipient ?? null,
    inResponseTo: confirmation?.InResponseTo ?? null,
    confirmationNotOnOrAfter: confirmation?.NotOnOrAfter ?? null,
    notOnOrAfter: [confirmation?.NotOnOrAfter, conditions?.NotOnOrAfter, session?.SessionNotOnOrAfter].filter(
      (v): v is string => typeof v === "string",
    ),
    email: email?.trim().toLowerCase() ?? null,
    name: NAME_ATTRIBUTES.map((n) => text(attributes[n])).find(Boolean),
  };
};

/** node-saml leaves SubjectConfirmationData's time unchecked without InResponseTo validation. */
export const confirmationExpired = (notOnOrAfter: string | null, now: Date) =>
  notOnOrAfter !== null &&
  (Number.isNaN(Date.parse(notOnOrAfter)) || Date.parse(notOnOrAfter) + SKEW_MS <= now.getTime());

/**
 * Remember the assertion until it expires (at most a day): true the first time, false when
 * it was already used. The primary key decides, so two instances racing cannot both admit it.
 */
export const claimAssertion = async (
  deps: Pick<AppDeps, "db">,
  organizationId: string,
  facts: { id: string; notOnOrAfter: string[] },
  now: Date,
): Promise<boolean> => {
  const latest = Math.max(now.getTime() + SKEW_MS, ...facts.notOnOrAfter.map((v) => Date.parse(v) + SKEW_MS));
  const expiresAt = new Date(Math.min(latest, now.getTime() + MAX_REMEMBERED_MS));
  const claimed = await deps.db
    .insert(samlAssertionIds)
    .values({ organizationId, assertionIdHash: sha256(facts.id), expiresAt })
    .onConflictDoNothing()
    .returning({ id: samlAssertionIds.assertionIdHash });
  return claimed.length === 1;
};

/** node-saml's error messages (lib/saml.js) as the codes the sign-in page explains. */
export const refusalFor = (error: unknown): string => {
  const message = error instanceof Error ? error.message : "";
  if (/signature|Cannot obtain assertion/i.test(message)) return "SAML_SIGNATURE_INVALID";
  if (/expired|not yet valid|too old|subject confirmation/i.test(message)) return "SAML_EXPIRED";
  if (/audience/i.test(message)) return "SAML_AUDIENCE_MISMATCH";
  return "SAML_RESPONSE_INVALID";
};

/** Assertions past their expiry can no longer be replayed (node-saml refuses them): forget them. */
export const pruneSamlAssertionIds = async (deps: Pick<AppDeps, "db">, now: Date) =>
  (await deps.db.delete(samlAssertionIds).where(lt(samlAssertionIds.expiresAt, now)).returning()).length;
