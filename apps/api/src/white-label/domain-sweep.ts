import { customizations, ssoDomains } from "@tessera/db/schema";
import {
  CLAIM_EXPIRED_REASON,
  CLAIM_EXPIRY_DAYS,
  DOMAIN_RECHECK_INTERVAL_MINUTES,
  DOMAIN_RECHECK_WINDOW_HOURS,
} from "@tessera/domain";
import { and, asc, eq, gt, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { AppDeps, ServiceContext } from "../context.ts";
import { jobContext } from "../jobs/job-context.ts";
import { checkDomainRecord, failDomainClaims } from "./domains.ts";
import { checkSsoDomain, failSsoDomainClaims } from "./sso-domains.ts";
import { storedValue } from "./stored-value.ts";

type SweepDeps = Pick<AppDeps, "config">;

/** Unverified claims older than CLAIM_EXPIRY_DAYS become FAILED "claim expired", once each. */
const expireDomainClaims = async (ctx: ServiceContext, now: Date) => {
  const expiredBefore = new Date(now.getTime() - CLAIM_EXPIRY_DAYS * 86_400_000).toISOString();
  return ctx.db.transaction(async (tx) => {
    const stale = await tx
      .select({
        id: customizations.id,
        organizationId: customizations.organizationId,
        value: customizations.value,
      })
      .from(customizations)
      .where(
        and(
          eq(customizations.type, "DOMAIN"),
          sql`${customizations.value}->>'status' in ('PENDING', 'FAILED')`,
          sql`${customizations.value}->>'reason' is distinct from ${CLAIM_EXPIRED_REASON}`,
          sql`(${customizations.value}->>'setAt')::timestamptz <= ${expiredBefore}::timestamptz`,
        ),
      )
      .orderBy(asc(customizations.id))
      .limit(100)
      .for("update", { skipLocked: true });
    await failDomainClaims(tx, ctx, stale, CLAIM_EXPIRED_REASON, "white_label.domain_expired");
    return stale.length;
  });
};

/**
 * Re-check domains not yet verified, for 72 hours after they were set (DNS takes its time);
 * after that only a click re-checks, and after CLAIM_EXPIRY_DAYS the claim expires. Verified
 * domains are the daily re-check's (jobs/domain-recheck.ts). SSO email domains are swept by the same rules.
 */
export const runDomainSweep = async (deps: AppDeps, now: Date) => {
  const ctx = jobContext(deps, now, "domain-sweep");
  const windowStart = new Date(now.getTime() - DOMAIN_RECHECK_WINDOW_HOURS * 3_600_000).toISOString();
  const recheckBefore = new Date(now.getTime() - DOMAIN_RECHECK_INTERVAL_MINUTES * 60_000).toISOString();
  const due = await deps.db
    .select()
    .from(customizations)
    .where(
      and(
        eq(customizations.type, "DOMAIN"),
        sql`${customizations.value}->>'status' in ('PENDING', 'FAILED')`,
        sql`(${customizations.value}->>'setAt')::timestamptz > ${windowStart}::timestamptz`,
        sql`coalesce((${customizations.value}->>'checkedAt')::timestamptz, '-infinity') < ${recheckBefore}::timestamptz`,
      ),
    )
    .limit(100);
  let verified = 0;
  for (const row of due) {
    const saved = await checkDomainRecord(ctx, deps, row);
    if (storedValue("DOMAIN", saved.value).status === "VERIFIED") verified++;
  }
  const expired = await expireDomainClaims(ctx, now);
  const sso = await sweepSsoDomains(ctx, deps, now);
  return { checked: due.length, verified, expired, sso };
};

/**
 * The domain sweep's share: re-check unverified claims every few minutes for 72 hours after
 * they were made, then expire the ones older than CLAIM_EXPIRY_DAYS.
 */
const sweepSsoDomains = async (ctx: ServiceContext, deps: SweepDeps, now: Date) => {
  const windowStart = new Date(now.getTime() - DOMAIN_RECHECK_WINDOW_HOURS * 3_600_000);
  const recheckBefore = new Date(now.getTime() - DOMAIN_RECHECK_INTERVAL_MINUTES * 60_000);
  const due = await ctx.db
    .select()
    .from(ssoDomains)
    .where(
      and(
        ne(ssoDomains.status, "VERIFIED"),
        gt(ssoDomains.createdAt, windowStart),
        or(isNull(ssoDomains.checkedAt), lt(ssoDomains.checkedAt, recheckBefore)),
      ),
    )
    .limit(100);
  let verified = 0;
  for (const row of due) if ((await checkSsoDomain(ctx, deps, row)).status === "VERIFIED") verified++;
  const expiredBefore = new Date(now.getTime() - CLAIM_EXPIRY_DAYS * 86_400_000);
  const expired = await ctx.db.transaction(async (tx) => {
    const stale = await tx
      .select()
      .from(ssoDomains)
      .where(
        and(
          ne(ssoDomains.status, "VERIFIED"),
          sql`${ssoDomains.reason} is distinct from ${CLAIM_EXPIRED_REASON}`,
          lte(ssoDomains.createdAt, expiredBefore),
        ),
      )
      .orderBy(asc(ssoDomains.id))
      .limit(100)
      .for("update", { skipLocked: true });
    await failSsoDomainClaims(tx, ctx, stale, CLAIM_EXPIRED_REASON, "white_label.sso_domain_expired");
    return stale.length;
  });
  return { checked: due.length, verified, expired };
};
