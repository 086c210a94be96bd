import { DomainError } from "../errors.ts";
import { FEATURE_TOGGLE_LIMIT } from "../white-label/feature-toggles.ts";

/**
 * What one organisation may hold at once (or make per day), whoever writes it. Each ceiling
 * bounds a cost that someone else pays: a CRITICAL ticket notifies every staff admin, an open
 * ticket waits in the support queue, every key and member is a credential to guard.
 */
export const ORGANIZATION_QUOTAS = {
  /** Tickets not yet RESOLVED or CLOSED. */
  OPEN_TICKETS: 500,
  /** CRITICAL tickets opened in any 24 hours. */
  CRITICAL_TICKETS_PER_DAY: 20,
  /** API keys not revoked (expired ones count until revoked). */
  API_KEYS: 50,
  /** Customer users, disabled ones included. */
  TEAM_MEMBERS: 1_000,
  WEBHOOKS: 10,
  FEATURE_TOGGLES: FEATURE_TOGGLE_LIMIT,
} as const;

export type OrganizationQuota = keyof typeof ORGANIZATION_QUOTAS;

const WHAT: Record<OrganizationQuota, string> = {
  OPEN_TICKETS: "open tickets; resolve or close some first",
  CRITICAL_TICKETS_PER_DAY: "CRITICAL tickets in 24 hours; open this one with a lower priority",
  API_KEYS: "active API keys; revoke unused ones first",
  TEAM_MEMBERS: "team members",
  WEBHOOKS: "webhooks",
  FEATURE_TOGGLES: "feature flags",
};

/** The window of the per-day quota: the 24 hours up to `now`. */
export const QUOTA_DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Throws QUOTA_EXCEEDED (409) when `used` already fills the quota; `field` names the input that
 * a different value of would pass (e.g. `priority`), when there is one.
 */
export const requireWithinQuota = (quota: OrganizationQuota, used: number, field?: string): void => {
  const limit = ORGANIZATION_QUOTAS[quota];
  if (used < limit) return;
  throw new DomainError("QUOTA_EXCEEDED", `An organisation may have at most ${limit} ${WHAT[quota]}`, {
    ...(field ? { field } : {}),
    quota,
    limit,
  });
};
