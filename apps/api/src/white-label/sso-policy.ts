import type { Executor } from "@tessera/db";
import { ssoDomains } from "@tessera/db/schema";
import { customizationGate, emailDomainOf, keepsPasswordUnderSso, SINGLETON_KEY } from "@tessera/domain";
import { and, eq, inArray } from "drizzle-orm";
import { currentEntitlements } from "../licenses/entitlements.ts";
import { findCustomization } from "./store.ts";

/**
 * Whether the organisation's users must sign in through SSO (and its tier still includes SSO).
 * Only where SSO can admit them: the email's domain (or, without an email, some domain of the
 * organisation) is listed in its SSO settings and proven by DNS.
 */
export const ssoEnforced = async (
  executor: Executor,
  organizationId: string,
  now: Date,
  email?: string,
): Promise<boolean> => {
  const row = await findCustomization(executor, organizationId, "SSO", SINGLETON_KEY);
  if (!row?.value.enforced) return false;
  const listed = Array.isArray(row.value.allowedDomains) ? (row.value.allowedDomains as string[]) : [];
  const domains = email === undefined ? listed : listed.filter((domain) => domain === emailDomainOf(email));
  if (domains.length === 0) return false;
  const [proven] = await executor
    .select({ id: ssoDomains.id })
    .from(ssoDomains)
    .where(
      and(
        eq(ssoDomains.organizationId, organizationId),
        inArray(ssoDomains.domain, domains),
        eq(ssoDomains.status, "VERIFIED"),
      ),
    )
    .limit(1);
  if (!proven) return false;
  return customizationGate(await currentEntitlements(executor, organizationId, now), "SSO").allowed;
};

/** Whether this person's password is refused because their organisation enforces SSO (owners' never is). */
export const passwordRefusedBySso = async (
  executor: Executor,
  user: { organizationId: string | null; role: string; email: string },
  now: Date,
): Promise<boolean> =>
  user.organizationId !== null &&
  !keepsPasswordUnderSso(user.role) &&
  ssoEnforced(executor, user.organizationId, now, user.email);
